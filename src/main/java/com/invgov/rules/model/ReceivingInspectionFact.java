package com.invgov.rules.model;

/**
 * A receipt of one item from one supplier, as {@code receiving-inspection} sees it (DESIGN §5.3).
 *
 * @param regulated                   the item is regulated
 * @param supplierOnProbation         the supplier's status is PROBATION
 * @param previousReceipts            receipts of this item from this supplier before this one
 * @param receiptsSinceLastInspection receipts of this item from this supplier since the last inspected one
 *                                    (not inspected, not counting this one)
 */
public record ReceivingInspectionFact(boolean regulated, boolean supplierOnProbation, int previousReceipts,
                                      int receiptsSinceLastInspection) {
}
