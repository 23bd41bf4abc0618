package com.invgov.engineering;

/** A routed role approved or rejected an engineering change (for the audit trail and the change feed). */
public record EngineeringChangeDecided(String changeId, String role, String by, boolean approved, String comment) {
}
