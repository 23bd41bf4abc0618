package com.invgov.inventory.internal;

import com.invgov.inventory.Item;
import com.invgov.inventory.Location;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.StockStatus;

import java.math.BigDecimal;
import java.time.Instant;

/** A movement that passed the rules: both ends resolved (virtual ones included), quantity in the base UoM. */
public record ResolvedMovement(MovementType type, Item item, BigDecimal quantity, BigDecimal enteredQuantity,
                               String enteredUom, String lot, String serial, Location from, StockStatus fromStatus,
                               Location to, StockStatus toStatus, String reference, String reasonCode,
                               Instant eventTime, String sourceSystem) {
}
