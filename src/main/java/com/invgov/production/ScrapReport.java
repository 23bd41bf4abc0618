package com.invgov.production;

import java.math.BigDecimal;

/** Scrap of an order's item or one of its components, from AVAILABLE stock at {@code location}, with a reason. */
public record ScrapReport(String sku, String lot, String serial, BigDecimal quantity, String uom, String location,
                          String reasonCode) {
}
