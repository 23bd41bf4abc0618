package com.invgov.inventory;

/** Filters of a stock query; null means any. */
public record StockFilter(String sku, String location, String warehouse, StockStatus status, String lot) {

    public static StockFilter all() {
        return new StockFilter(null, null, null, null, null);
    }
}
