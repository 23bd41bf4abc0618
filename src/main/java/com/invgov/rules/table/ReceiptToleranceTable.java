package com.invgov.rules.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The over-receipt tolerance of {@code receipt-tolerance} (DESIGN §5.3): received above expected ×
 * (1 + overReceiptTolerancePct / 100) needs approval by {@code approverRoles} before putaway.
 */
public record ReceiptToleranceTable(BigDecimal overReceiptTolerancePct, List<String> approverRoles)
        implements RuleTable {

    @Override
    public List<TableError> validate() {
        List<TableError> errors = new ArrayList<>();
        RuleTable.nonNegative(errors, null, "overReceiptTolerancePct", overReceiptTolerancePct);
        RuleTable.roles(errors, "approverRoles", approverRoles);
        return errors;
    }
}
