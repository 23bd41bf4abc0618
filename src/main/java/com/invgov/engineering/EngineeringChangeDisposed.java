package com.invgov.engineering;

/** What happens to the outgoing components' stock of an approved change was decided (for the audit trail). */
public record EngineeringChangeDisposed(String changeId, StockDisposition disposition, String by, String note) {
}
