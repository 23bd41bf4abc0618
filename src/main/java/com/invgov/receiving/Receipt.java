package com.invgov.receiving;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A posted receipt and where it stands. {@code state}: AWAITING_APPROVAL (over-receipt, a PLANNER approves
 * before putaway; {@code approverRoles}, those the receipt-tolerance decision named), AWAITING_INSPECTION, READY_FOR_PUTAWAY, PUT_AWAY, ON_HOLD (failed inspection), REJECTED.
 */
public record Receipt(String id, String po, Integer line, String supplier, String sku, BigDecimal quantity,
                      String uom, BigDecimal enteredQuantity, String enteredUom, String lot, String serial,
                      LocalDate expiry, String location, String status, Decision inspection, Decision tolerance,
                      String approval, String approvedBy, String inspectionResult, String putawayLocation,
                      String state, String movementId, String receivedBy, Instant receivedAt, boolean unplanned,
                      List<String> approverRoles) {

    /** A rule decision as kept with the receipt: outcome and the rule-set version that made it. */
    public record Decision(String ruleSet, String outcome, String reason, Integer version) {
    }
}
