package com.invgov.adjustment;

/**
 * What a count led to: its variance, the decision, and the adjustment opened (null for NO_VARIANCE) or recounted;
 * {@code recount}: the count was taken as the recount of that adjustment (asked for, or the place's next count while
 * the adjustment waited for one).
 */
public record CountAssessed(Variance variance, Decision decision, String adjustmentId, boolean recount) {
}
