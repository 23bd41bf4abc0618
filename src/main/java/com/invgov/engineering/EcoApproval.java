package com.invgov.engineering;

import java.time.Instant;

/** One routed role's decision on a change; a rejection always has a comment. */
public record EcoApproval(String role, String by, boolean approved, String comment, Instant at) {
}
