package com.invgov.rules.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The skip-lot frequency of {@code receiving-inspection} (DESIGN §5.3): regulated items, suppliers on probation
 * and first receipts are always inspected; otherwise every {@code skipLotEvery}th receipt of an item from a
 * supplier (1 = every receipt).
 */
public record ReceivingInspectionTable(Integer skipLotEvery) implements RuleTable {

    @Override
    public List<TableError> validate() {
        List<TableError> errors = new ArrayList<>();
        RuleTable.atLeast(errors, null, "skipLotEvery", skipLotEvery, 1, 1000);
        return errors;
    }
}
