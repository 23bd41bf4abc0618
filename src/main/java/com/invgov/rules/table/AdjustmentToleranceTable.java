package com.invgov.rules.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The tolerance matrix of {@code adjustment-tolerance} (DESIGN §5.1, §6.1): one row per ABC class; a variance
 * inside its row's limits (both, inclusive) is approved automatically; above that, up to
 * {@code singleApproverValueLimit} one inventory controller approves, beyond it finance too.
 */
public record AdjustmentToleranceTable(List<Row> rows, BigDecimal singleApproverValueLimit) implements RuleTable {

    /** Auto-approve a variance of this class when diffPct ≤ maxDiffPercent and diffValue ≤ maxDiffValue. */
    public record Row(String abcClass, BigDecimal maxDiffPercent, BigDecimal maxDiffValue) {
    }

    public AdjustmentToleranceTable {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    @Override
    public List<TableError> validate() {
        List<TableError> errors = new ArrayList<>();
        RuleTable.abcRows(errors, rows.stream().map(r -> r == null ? null : r.abcClass()).toList());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row != null) {
                RuleTable.nonNegative(errors, i, "maxDiffPercent", row.maxDiffPercent());
                RuleTable.nonNegative(errors, i, "maxDiffValue", row.maxDiffValue());
            }
        }
        RuleTable.nonNegative(errors, null, "singleApproverValueLimit", singleApproverValueLimit);
        return errors;
    }
}
