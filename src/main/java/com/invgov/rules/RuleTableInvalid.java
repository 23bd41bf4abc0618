package com.invgov.rules;

import com.invgov.rules.table.TableError;

import java.util.List;

/** A rule table with invalid cells; the API answers 422 {@code validation} naming each row and field. */
public class RuleTableInvalid extends RuntimeException {

    private final List<TableError> errors;

    public RuleTableInvalid(String ruleSet, List<TableError> errors) {
        super("The table of '" + ruleSet + "' is invalid: " + errors.stream()
                .map(e -> e.field() + " " + e.message()).toList());
        this.errors = List.copyOf(errors);
    }

    public List<TableError> errors() {
        return errors;
    }
}
