package com.invgov.adjustment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One earlier count of an (item, location) pair as the approvals inbox shows it: when (event time), who, what was
 * counted against what the system held then (base UoM), whether it was within tolerance, what was decided, and
 * the status of the adjustment it opened (null when none). {@code recount}: a recount of an open adjustment.
 */
public record CountRecord(String id, Instant eventTime, String countedBy, String lot, BigDecimal countedQuantity,
                          BigDecimal systemQuantity, BigDecimal diffQuantity, boolean withinTolerance,
                          String outcome, boolean recount, String adjustmentId, String adjustmentStatus) {
}
