package com.invgov.engineering;

/** An ENGINEER raised a change of the product's BOM to {@code revision} (for the audit trail). */
public record EngineeringChangeRaised(String changeId, String product, String revision, String raisedBy) {
}
