package com.invgov.inventory;

/**
 * Who posts, from where, under which idempotency key: the ledger refuses to post the same (actor, key) twice.
 * Modules posting on behalf of a process (adjustments, quality) pass their own actor and a key of their own.
 */
public record Posting(String actor, String sourceSystem, String idempotencyKey) {
}
