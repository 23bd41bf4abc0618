package com.invgov.inventory;

/** One end of a movement: a location and the stock status there. */
public record Place(String location, StockStatus status) {
}
