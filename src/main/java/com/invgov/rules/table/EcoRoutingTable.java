package com.invgov.rules.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing of {@code eco-routing} (DESIGN §5.5): {@code alwaysRoles} approve every change;
 * {@code regulatedRole} joins when an affected component is regulated; {@code writeOffRole} joins when the
 * write-off value of obsolete stock exceeds {@code writeOffValueLimit}.
 */
public record EcoRoutingTable(List<String> alwaysRoles, String regulatedRole, BigDecimal writeOffValueLimit,
                              String writeOffRole) implements RuleTable {

    @Override
    public List<TableError> validate() {
        List<TableError> errors = new ArrayList<>();
        RuleTable.roles(errors, "alwaysRoles", alwaysRoles);
        RuleTable.role(errors, "regulatedRole", regulatedRole);
        RuleTable.nonNegative(errors, null, "writeOffValueLimit", writeOffValueLimit);
        RuleTable.role(errors, "writeOffRole", writeOffRole);
        return errors;
    }
}
