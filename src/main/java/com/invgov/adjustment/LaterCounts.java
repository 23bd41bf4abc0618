package com.invgov.adjustment;

import java.time.Instant;
import java.util.Optional;

/**
 * What the module that records counts knows of them, asked by the adjustments before an approved variance is posted
 * (implemented by the counting module, which depends on this one).
 */
public interface LaterCounts {

    /**
     * The event time of a count of the pair (and lot; null: none) made after {@code after} that is not a
     * count of adjustment {@code adjustmentId}, if there is one. Such a count found the place as it was then, this
     * adjustment's variance included: posting the variance still would change what that count found.
     */
    Optional<Instant> countedAfter(String sku, String location, String lot, Instant after, String adjustmentId);
}
