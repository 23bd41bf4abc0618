package com.invgov.rules.model;

/** Why an (item, location) needs a count outside its interval (DESIGN §5.2), or {@code NONE}. */
public enum CountTrigger {
    NONE, ZERO_BALANCE, INSUFFICIENT_STOCK, ADJUSTMENT_REJECTED
}
