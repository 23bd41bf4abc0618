package com.invgov.rules.model;

/** Whether a receipt goes to inspection, and why. */
public record ReceivingInspectionDecision(boolean inspect, InspectionReason reason) {

    public static ReceivingInspectionDecision inspect(InspectionReason reason) {
        return new ReceivingInspectionDecision(true, reason);
    }

    public static ReceivingInspectionDecision skip(InspectionReason reason) {
        return new ReceivingInspectionDecision(false, reason);
    }
}
