package com.invgov.quality;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open quality hold as the console lists it. {@code quantity} and {@code value} (quantity × unit cost) count
 * everything of the hold still in QUARANTINE: what is not disposed of yet and what waits for MRB approval.
 * {@code uom} is null when the hold spans items of different base UoMs.
 */
public record OpenHold(String id, String source, String skus, String lots, String locations, String reason,
                       String reference, String createdBy, Instant createdAt, BigDecimal quantity, String uom,
                       BigDecimal value, int awaitingMrb) {
}
