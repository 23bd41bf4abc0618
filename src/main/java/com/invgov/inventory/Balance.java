package com.invgov.inventory;

import java.math.BigDecimal;

/** Stock of one (item, location, lot, serial, status); {@code quantity} and {@code reserved} in the base UoM. */
public record Balance(String sku, String location, String warehouse, String lot, String serial, StockStatus status,
                      BigDecimal quantity, BigDecimal reserved, String uom) {

    public BigDecimal available() {
        return quantity.subtract(reserved);
    }
}
