package com.invgov.counting.plan;

/** Why a pair is in a plan: one of the event reasons, or its schedule. */
public enum CountReason {
    ZERO_CONFIRMATION,
    INSUFFICIENT_STOCK_REFUSED,
    ADJUSTMENT_REJECTED,
    /** Never counted: its spread first due date has come. */
    FIRST_COUNT,
    /** Its interval since the last count has passed. */
    SCHEDULED;

    static CountReason of(EventCountReason event) {
        return switch (event) {
            case ZERO_CONFIRMATION -> ZERO_CONFIRMATION;
            case INSUFFICIENT_STOCK_REFUSED -> INSUFFICIENT_STOCK_REFUSED;
            case ADJUSTMENT_REJECTED -> ADJUSTMENT_REJECTED;
        };
    }

    public boolean isEvent() {
        return this != FIRST_COUNT && this != SCHEDULED;
    }
}
