package com.invgov.rules.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The count policy of {@code cycle-count-policy} (DESIGN §5.2): an interval per ABC class, capped for regulated
 * items, halved when the accuracy of the last counts is below the threshold; event counts are due after
 * {@code eventCountDueInDays}; each warehouse plans at most {@code dailyCapacityPerWarehouse} counts a day.
 */
public record CycleCountPolicyTable(List<Row> rows, Integer regulatedMaxIntervalDays, BigDecimal accuracyThresholdPct,
                                    Integer eventCountDueInDays, Integer dailyCapacityPerWarehouse)
        implements RuleTable {

    public record Row(String abcClass, Integer intervalDays) {
    }

    public CycleCountPolicyTable {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    @Override
    public List<TableError> validate() {
        List<TableError> errors = new ArrayList<>();
        RuleTable.abcRows(errors, rows.stream().map(r -> r == null ? null : r.abcClass()).toList());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) != null) {
                RuleTable.atLeast(errors, i, "intervalDays", rows.get(i).intervalDays(), 1, 3650);
            }
        }
        RuleTable.atLeast(errors, null, "regulatedMaxIntervalDays", regulatedMaxIntervalDays, 1, 3650);
        RuleTable.nonNegative(errors, null, "accuracyThresholdPct", accuracyThresholdPct);
        if (accuracyThresholdPct != null && accuracyThresholdPct.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(TableError.value("accuracyThresholdPct", "must be at most 100"));
        }
        RuleTable.atLeast(errors, null, "eventCountDueInDays", eventCountDueInDays, 0, 365);
        RuleTable.atLeast(errors, null, "dailyCapacityPerWarehouse", dailyCapacityPerWarehouse, 1, 100_000);
        return errors;
    }
}
