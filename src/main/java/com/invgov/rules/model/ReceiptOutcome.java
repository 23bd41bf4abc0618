package com.invgov.rules.model;

/** Outcomes of {@code receipt-tolerance} (DESIGN §5.3). */
public enum ReceiptOutcome {
    /** received between expected and the over-receipt tolerance: put away */
    WITHIN_TOLERANCE,
    /** received above tolerance: the approver roles approve before putaway */
    OVER_RECEIPT,
    /** received less than expected: put away, the remainder stays open */
    UNDER_RECEIPT
}
