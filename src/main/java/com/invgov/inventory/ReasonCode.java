package com.invgov.inventory;

/**
 * A reason an adjustment or movement is booked with (DESIGN §3: a configurable list, each with a GL account).
 *
 * @param glAccount the general-ledger account finance posts the value to
 */
public record ReasonCode(String code, String description, String glAccount) {
}
