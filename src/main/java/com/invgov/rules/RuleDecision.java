package com.invgov.rules;

import java.util.List;
import java.util.UUID;

/**
 * A decision with what explains it: the rule-set version that made it and the rules that fired, in order.
 *
 * @param ruleSet    the rule set's key
 * @param version    the published version that decided
 * @param decision   the typed decision
 * @param outcome    a short label of the decision, as the decision log and simulations group it
 * @param firedRules names of the rules that fired, in firing order
 * @param decisionId the decision log entry; null for simulations, which are not logged
 */
public record RuleDecision<D>(String ruleSet, int version, D decision, String outcome, List<String> firedRules,
                              UUID decisionId) {

    public RuleDecision {
        firedRules = List.copyOf(firedRules);
    }
}
