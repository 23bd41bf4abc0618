package com.invgov.inventory;

/** Where one serial-numbered unit is: location null when it is outside the plant (shipped, consumed, returned). */
public record SerialNumber(String sku, String serial, String location, StockStatus status, String lot) {
}
