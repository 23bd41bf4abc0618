package com.invgov.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/** A posted movement: immutable. {@code quantity} is in the item's base UoM ({@code uom}). */
public record Movement(String id, MovementType type, String sku, BigDecimal quantity, String uom,
                       BigDecimal enteredQuantity, String enteredUom, String lot, String serial, Place from, Place to,
                       String reference, String reasonCode, Instant eventTime, Instant postedAt, String postedBy,
                       String sourceSystem) {
}
