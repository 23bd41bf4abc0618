package com.invgov.inventory;

public enum SupplierStatus { APPROVED, PROBATION }
