package com.invgov.rules.model;

import java.util.List;

/**
 * What {@code adjustment-tolerance} decided: the outcome and, for {@code APPROVE}, the roles that must approve,
 * in order.
 */
public record AdjustmentToleranceDecision(AdjustmentOutcome outcome, List<String> approverRoles) {

    public AdjustmentToleranceDecision {
        approverRoles = List.copyOf(approverRoles);
    }

    public static AdjustmentToleranceDecision of(AdjustmentOutcome outcome) {
        return new AdjustmentToleranceDecision(outcome, List.of());
    }

    public static AdjustmentToleranceDecision approveBy(String... roles) {
        return new AdjustmentToleranceDecision(AdjustmentOutcome.APPROVE, List.of(roles));
    }
}
