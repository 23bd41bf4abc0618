package com.invgov.counting.plan;

/**
 * How many days may pass between two counts of a pair. The planner asks this and nothing else about intervals, so
 * the built-in {@link #byPolicy(CycleCountPolicy) policy function} can be replaced by one that asks the published
 * {@code cycle-count-policy} rule set.
 */
@FunctionalInterface
public interface CountInterval {

    /** Days from one count of the pair to the next one due; at least 1. */
    int intervalDays(CountCandidate candidate);

    static CountInterval byPolicy(CycleCountPolicy policy) {
        return candidate -> intervalDays(candidate, policy);
    }

    /**
     * DESIGN §5.2: the ABC interval, at most {@code regulatedMaxIntervalDays} for a regulated item, then halved
     * (rounded down, at least 1 day) when the accuracy of the recent counts is below the threshold. The cap comes
     * first so that a regulated item with poor accuracy is counted twice as often as a regulated one, not merely at the
     * cap.
     */
    static int intervalDays(CountCandidate candidate, CycleCountPolicy policy) {
        var pair = candidate.pair();
        int days = policy.baseIntervalDays(pair.abcClass());
        if (pair.regulated()) {
            days = Math.min(days, policy.regulatedMaxIntervalDays());
        }
        if (candidate.accuracy().isBelow(policy.accuracyThreshold())) {
            days = Math.max(1, days / 2);
        }
        return days;
    }
}
