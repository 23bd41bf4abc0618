package com.invgov.inventory;

import java.math.BigDecimal;

/** Reserve {@code quantity} {@code uom} of AVAILABLE stock at a location (and lot/serial) for a reference. */
public record ReserveCommand(String sku, String location, String lot, String serial, BigDecimal quantity, String uom,
                             String reference) {
}
