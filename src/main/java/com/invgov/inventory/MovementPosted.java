package com.invgov.inventory;

/**
 * A movement was posted (published in the posting's transaction; use {@code @ApplicationModuleListener} to react
 * after commit). Counting uses it for zero-confirmation counts, receiving and quality for their follow-ups.
 */
public record MovementPosted(String movementId, Movement movement) {
}
