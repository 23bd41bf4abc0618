package com.invgov.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/** A quantity held against AVAILABLE stock for a reference (production order, shipment); base UoM. */
public record Reservation(String id, String sku, String location, String lot, String serial, BigDecimal quantity,
                          String uom, String reference, String status, String createdBy, Instant createdAt,
                          Instant releasedAt) {
}
