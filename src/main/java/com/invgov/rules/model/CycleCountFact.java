package com.invgov.rules.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * One countable (item, location), as {@code cycle-count-policy} sees it (DESIGN §5.2).
 *
 * @param abcClass                   A, B or C
 * @param regulated                  the item is regulated
 * @param recentCounts               how many of the last 5 counts exist (0 to 5)
 * @param recentCountsWithinTolerance how many of those were within tolerance
 * @param accuracyPct                recentCountsWithinTolerance / recentCounts × 100; null when never counted
 * @param trigger                    an event that asks for a count now, or NONE
 */
public record CycleCountFact(String abcClass, boolean regulated, int recentCounts, int recentCountsWithinTolerance,
                             BigDecimal accuracyPct, CountTrigger trigger) {

    public CycleCountFact {
        Objects.requireNonNull(trigger, "trigger");
    }

    /** The fact with its accuracy computed from the last counts. */
    public static CycleCountFact of(String abcClass, boolean regulated, int recentCounts,
                                    int recentCountsWithinTolerance, CountTrigger trigger) {
        BigDecimal accuracy = recentCounts == 0 ? null
                : BigDecimal.valueOf(recentCountsWithinTolerance * 100L)
                .divide(BigDecimal.valueOf(recentCounts), MathContext.DECIMAL128);
        return new CycleCountFact(abcClass, regulated, recentCounts, recentCountsWithinTolerance, accuracy, trigger);
    }
}
