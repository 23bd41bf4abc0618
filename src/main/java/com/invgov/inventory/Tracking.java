package com.invgov.inventory;

/** How an item's units are told apart: not at all, by lot, or one by one by serial number. */
public enum Tracking { NONE, LOT, SERIAL }
