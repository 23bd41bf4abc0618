package com.invgov.adjustment;

import java.util.EnumSet;
import java.util.Set;

/** Statuses of an adjustment request (DESIGN §5.1) and which may follow which. */
public enum AdjustmentStatus {
    PENDING_RECOUNT, PENDING_APPROVAL, APPROVED, REJECTED, POSTED, CLOSED, CONFLICT;

    /** Whether nothing follows this status. */
    public boolean isFinal() {
        return this == REJECTED || this == POSTED || this == CLOSED;
    }

    public boolean mayBecome(AdjustmentStatus next) {
        return next(this).contains(next);
    }

    private static Set<AdjustmentStatus> next(AdjustmentStatus from) {
        return switch (from) {
            // a (re)decision may send an open request anywhere open, or close it when the variance vanished
            case PENDING_RECOUNT, CONFLICT -> EnumSet.of(PENDING_RECOUNT, PENDING_APPROVAL, APPROVED, CLOSED);
            case PENDING_APPROVAL -> EnumSet.of(PENDING_APPROVAL, PENDING_RECOUNT, APPROVED, REJECTED, CLOSED);
            case APPROVED -> EnumSet.of(POSTED, CONFLICT, CLOSED, PENDING_APPROVAL, PENDING_RECOUNT, APPROVED);
            case REJECTED, POSTED, CLOSED -> EnumSet.noneOf(AdjustmentStatus.class);
        };
    }
}
