package com.invgov.rules.internal;

import com.invgov.rules.RuleSet;
import com.invgov.rules.table.RuleTable;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the engine needs to know about one rule set beyond its typed key: its low-code table, how a table becomes
 * template rows, how the decision objects the rules inserted make one decision, and its outcome label.
 *
 * @param templateRows table → rows of the rule template, column name → cell text (already safe DRL)
 * @param combine      the live decision objects in insertion order (never empty) → the decision
 * @param outcome      a short label of a decision for the log and simulations
 */
record RuleSetDefinition<F, D, T extends RuleTable>(RuleSet<F, D> ruleSet, Class<T> tableType,
                                                    Function<T, List<Map<String, String>>> templateRows,
                                                    Function<List<D>, D> combine,
                                                    Function<D, String> outcome) {

    String key() {
        return ruleSet.key();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, String>> rows(RuleTable table) {
        return templateRows.apply((T) table);
    }

    @SuppressWarnings("unchecked")
    String outcomeOf(Object decision) {
        return outcome.apply((D) decision);
    }

    /** The resource folder of the shipped template and default table. */
    String folder() {
        return "rules/" + key() + "/";
    }
}
