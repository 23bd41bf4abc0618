package com.invgov.adjustment;

import java.time.Instant;

/** One approval or rejection given on an adjustment. */
public record Approval(String role, String by, boolean approved, String comment, Instant at) {
}
