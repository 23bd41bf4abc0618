package com.invgov.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A movement to post, as a client enters it: quantity in {@code uom} (converted to the base UoM), {@code from} /
 * {@code to} null where the type's other end is virtual (see DESIGN §6.1), statuses null for AVAILABLE,
 * {@code eventTime} null for now.
 */
public record MovementCommand(MovementType type, String sku, BigDecimal quantity, String uom, String lot,
                              String serial, Place from, Place to, String reference, String reasonCode,
                              Instant eventTime, String sourceSystem) {
}
