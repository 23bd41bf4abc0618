package com.invgov.audit;

import java.time.Instant;

/** Which entries to list; every field is optional (null or blank: no filter). {@code to} is exclusive. */
public record AuditFilter(String subjectType, String subjectId, String actor, String action, Instant from,
                          Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);
}
