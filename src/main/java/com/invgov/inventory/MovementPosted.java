package com.invgov.inventory;

/**
 * A movement was posted (published in the posting's transaction; use {@code @ApplicationModuleListener} to react
 * after commit). Counting uses it for zero-confirmation counts, receiving and quality for their follow-ups.
 *
 * @param mayHaveEmptied false when every balance the movement took stock from still holds stock afterwards (so
 *                       the (item, location) it left is not empty); true when one reached zero or below, may go
 *                       negative, or the ledger did not look
 */
public record MovementPosted(String movementId, Movement movement, boolean mayHaveEmptied) {

    public MovementPosted(String movementId, Movement movement) {
        this(movementId, movement, true);
    }
}
