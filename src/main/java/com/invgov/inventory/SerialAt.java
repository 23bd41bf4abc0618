package com.invgov.inventory;

/**
 * A serial number found at a place as of a time: its lot (null: none) and the status it is in there now (null: it
 * is not there any more), which is where a posting that takes it out must take it from.
 */
public record SerialAt(String lot, StockStatus statusNow) {
}
