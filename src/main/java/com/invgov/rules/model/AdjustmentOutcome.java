package com.invgov.rules.model;

/** Outcomes of {@code adjustment-tolerance} (DESIGN §5.1). */
public enum AdjustmentOutcome {
    NO_VARIANCE, AUTO_APPROVE, RECOUNT, APPROVE
}
