package com.invgov.counting.plan;

/** Why something on the floor asks for a count of one pair outside its schedule (DESIGN §5.2). */
public enum EventCountReason {
    /** The balance of the pair reached zero: confirm the location is really empty. */
    ZERO_CONFIRMATION,
    /** A posting was refused because the pair had too little stock. */
    INSUFFICIENT_STOCK_REFUSED,
    /** An adjustment of the pair was rejected by its approvers. */
    ADJUSTMENT_REJECTED
}
