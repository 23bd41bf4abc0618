package com.invgov.inventory;

/** Stock status; only AVAILABLE can be reserved, issued or shipped. */
public enum StockStatus { AVAILABLE, INSPECTION, QUARANTINE, BLOCKED }
