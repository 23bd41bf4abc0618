package com.invgov.counting.plan;

/**
 * How many of the pair's recent counts (the last 5, DESIGN §5.2) were within tolerance.
 * {@link #unknown()} when the pair has no count yet.
 */
public record CountAccuracy(int withinTolerance, int counts) {

    private static final CountAccuracy UNKNOWN = new CountAccuracy(0, 0);

    public CountAccuracy {
        if (counts < 0 || withinTolerance < 0 || withinTolerance > counts) {
            throw new IllegalArgumentException(
                    "accuracy needs 0 <= withinTolerance <= counts, got " + withinTolerance + " of " + counts);
        }
    }

    public static CountAccuracy unknown() {
        return UNKNOWN;
    }

    public static CountAccuracy of(int withinTolerance, int counts) {
        return new CountAccuracy(withinTolerance, counts);
    }

    public boolean isKnown() {
        return counts > 0;
    }

    /** True when known and the share within tolerance is strictly below {@code threshold} (0..1). */
    public boolean isBelow(double threshold) {
        // withinTolerance / counts < threshold, without the rounding of a division
        return isKnown() && withinTolerance < threshold * counts;
    }
}
