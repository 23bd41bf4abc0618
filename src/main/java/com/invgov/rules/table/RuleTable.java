package com.invgov.rules.table;

import com.invgov.security.Role;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The low-code form of a rule set. {@link #validate()} names every invalid cell; an empty list means valid. */
public sealed interface RuleTable permits AdjustmentToleranceTable, CycleCountPolicyTable, ReceivingInspectionTable,
        ReceiptToleranceTable, QualityDispositionTable, EcoRoutingTable {

    List<TableError> validate();

    /** Roles that may approve something; ADMIN, AUDITOR and INTEGRATION never do. */
    List<Role> APPROVER_ROLES = List.of(Role.QUALITY, Role.INVENTORY_CONTROLLER, Role.FINANCE, Role.ENGINEER,
            Role.PLANNER, Role.OPERATOR);

    List<String> ABC_CLASSES = List.of("A", "B", "C");

    static void nonNegative(List<TableError> errors, Integer row, String column, BigDecimal value) {
        if (value == null) {
            errors.add(error(row, column, "is required"));
        } else if (value.signum() < 0) {
            errors.add(error(row, column, "must be 0 or more, is " + value.toPlainString()));
        } else if (value.scale() > 6) {
            errors.add(error(row, column, "has more than 6 decimals"));
        } else if (value.compareTo(new BigDecimal("1000000000000")) > 0) {
            errors.add(error(row, column, "must be at most 10^12"));
        }
    }

    static void atLeast(List<TableError> errors, Integer row, String column, Integer value, int min, int max) {
        if (value == null) {
            errors.add(error(row, column, "is required"));
        } else if (value < min || value > max) {
            errors.add(error(row, column, "must be between " + min + " and " + max + ", is " + value));
        }
    }

    static void role(List<TableError> errors, String column, String value) {
        Optional<Role> role = value == null ? Optional.empty() : Role.parse(value);
        if (role.isEmpty() || !APPROVER_ROLES.contains(role.get())) {
            errors.add(TableError.value(column, "unknown approver role '" + value + "', one of " + APPROVER_ROLES));
        }
    }

    static void roles(List<TableError> errors, String column, List<String> values) {
        if (values == null || values.isEmpty()) {
            errors.add(TableError.value(column, "needs at least one role"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            role(errors, column + "[" + i + "]", values.get(i));
            if (values.indexOf(values.get(i)) != i) {
                errors.add(TableError.value(column + "[" + i + "]", "role " + values.get(i) + " is listed twice"));
            }
        }
    }

    /** One row per ABC class, exactly: unknown, duplicate and missing classes are errors. */
    static void abcRows(List<TableError> errors, List<String> classes) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            String abc = classes.get(i);
            if (abc == null || !ABC_CLASSES.contains(abc)) {
                errors.add(TableError.row(i, "abcClass", "must be A, B or C, is " + abc));
            } else if (seen.contains(abc)) {
                errors.add(TableError.row(i, "abcClass", "class " + abc + " has a row already"));
            } else {
                seen.add(abc);
            }
        }
        for (String abc : ABC_CLASSES) {
            if (!seen.contains(abc)) {
                errors.add(TableError.value("rows", "no row for class " + abc));
            }
        }
    }

    private static TableError error(Integer row, String column, String message) {
        return row == null ? TableError.value(column, message) : TableError.row(row, column, message);
    }
}
