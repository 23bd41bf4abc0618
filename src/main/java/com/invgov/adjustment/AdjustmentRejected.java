package com.invgov.adjustment;

import java.time.Instant;

/**
 * An adjustment was rejected (published after the decision, in its transaction): the cycle-count policy counts
 * the pair again (an event count, DESIGN §5.2).
 */
public record AdjustmentRejected(String adjustmentId, String sku, String location, String lot, Instant at) {
}
