package com.invgov.engineering;

/** The change's revision became the product's ACTIVE BOM revision; {@code previousRevision} is now SUPERSEDED. */
public record EngineeringChangeActivated(String changeId, String product, String revision, String previousRevision) {
}
