package com.invgov.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One entry of the audit trail.
 *
 * @param id          increasing in the order entries were written; newest first is highest first
 * @param actor       the user who made the change or gave the approval
 * @param action      what happened, e.g. {@code ITEM_CHANGED}, {@code ADJUSTMENT_APPROVED}
 * @param subjectType what kind of thing it happened to, e.g. {@code item}, {@code ruleset}, {@code adjustment}
 * @param before      the subject's state before, null when it was created
 * @param after       the subject's state after (for an approval: the decision given)
 * @param note        the comment given with the change, if any
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
                         JsonNode before, JsonNode after, String note) {
}
