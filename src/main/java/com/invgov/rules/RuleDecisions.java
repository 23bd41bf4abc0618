package com.invgov.rules;

/**
 * The evaluation API for other modules: decide with the published version of a rule set. Every decision is
 * written to the decision log in the caller's transaction. Nothing here exposes Drools.
 */
public interface RuleDecisions {

    /**
     * Decides with the rule set's published version on a fresh stateless session.
     *
     * @param subject what the decision is about, e.g. {@code count:4711}; may be null
     * @throws RuleEvaluationException when the rules loop (fire limit) or decide nothing
     */
    <F, D> RuleDecision<D> decide(RuleSet<F, D> ruleSet, String subject, F fact);

    default <F, D> RuleDecision<D> decide(RuleSet<F, D> ruleSet, F fact) {
        return decide(ruleSet, null, fact);
    }
}
