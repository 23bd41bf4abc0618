package com.invgov.rules.model;

import java.util.List;

/** What {@code receipt-tolerance} decided; approver roles only for {@code OVER_RECEIPT}. */
public record ReceiptToleranceDecision(ReceiptOutcome outcome, List<String> approverRoles) {

    public ReceiptToleranceDecision {
        approverRoles = List.copyOf(approverRoles);
    }

    public static ReceiptToleranceDecision of(ReceiptOutcome outcome) {
        return new ReceiptToleranceDecision(outcome, List.of());
    }

    public static ReceiptToleranceDecision overReceipt(String... roles) {
        return new ReceiptToleranceDecision(ReceiptOutcome.OVER_RECEIPT, List.of(roles));
    }
}
