package com.invgov.adjustment;

/** What a count led to: its variance, the decision, and the adjustment opened (null for NO_VARIANCE). */
public record CountAssessed(Variance variance, Decision decision, String adjustmentId) {
}
