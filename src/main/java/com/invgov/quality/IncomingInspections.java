package com.invgov.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Incoming inspection as the quality console sees it. Inspections belong to quality (DESIGN §2) but the receipts
 * they are about belong to receiving, which already depends on quality (a failed inspection starts a hold); so
 * quality declares what it needs here and the receiving module provides the one implementation. Authorization
 * and the process step stay with receiving.
 */
public interface IncomingInspections {

    /** The receipts waiting for inspection (the open INSPECTION tasks of the receiving process), oldest first. */
    List<InspectionTask> open();

    /** The checklist of the receipt's item category (the default one when the category has none). */
    List<ChecklistItem> checklist(String receiptId);

    /**
     * Records the inspection for the signed-in QUALITY user: every check of the checklist must be given; the
     * result is passed when all pass. Passed → the stock becomes AVAILABLE and a putaway task opens; failed → the
     * received stock goes on quality hold.
     */
    InspectionOutcome record(String receiptId, List<CheckEntry> checks);

    /**
     * A receipt waiting for inspection: what arrived, from whom, and why it is inspected ({@code reason} of the
     * {@code receiving-inspection} decision made with {@code ruleVersion}).
     */
    record InspectionTask(String receiptId, String sku, String description, String category, String lot,
                          String serial, String supplier, BigDecimal quantity, String uom, String location,
                          String po, Integer line, String reason, Integer ruleVersion, String receivedBy,
                          Instant receivedAt) {
    }

    /** A check: pass/fail when {@code min} and {@code max} are null, else a measured value within the limits. */
    record ChecklistItem(String name, BigDecimal min, BigDecimal max, String unit) {

        public boolean measured() {
            return min != null || max != null;
        }

        public boolean within(BigDecimal value) {
            return value != null && (min == null || value.compareTo(min) >= 0)
                    && (max == null || value.compareTo(max) <= 0);
        }
    }

    /** A check as entered: {@code passed} for a pass/fail check, {@code value} for a measured one. */
    record CheckEntry(String name, Boolean passed, BigDecimal value) {
    }

    /** What the inspection did: {@code state} of the receipt afterwards (READY_FOR_PUTAWAY or ON_HOLD). */
    record InspectionOutcome(String receiptId, boolean passed, String state) {
    }
}
