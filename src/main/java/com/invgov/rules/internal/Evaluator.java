package com.invgov.rules.internal;

import com.invgov.rules.RuleDecision;
import com.invgov.rules.RuleEvaluationException;
import org.springframework.stereotype.Component;

import java.util.List;

/** Runs one fact through one compiled version and makes the typed decision of what the rules inserted. */
@Component
class Evaluator {

    private final int fireLimit;

    Evaluator(RulesProperties properties) {
        this.fireLimit = properties.fireLimit();
    }

    /** @return the decision, not logged (decisionId null) */
    @SuppressWarnings("unchecked")
    <D> RuleDecision<D> evaluate(RuleSetDefinition<?, D, ?> definition, CompiledVersion version, Object fact) {
        Class<D> decisionType = definition.ruleSet().decisionType();
        if (!definition.ruleSet().factType().isInstance(fact)) {
            throw new IllegalArgumentException(definition.key() + " decides on " + definition.ruleSet().factType()
                    .getSimpleName() + ", not " + (fact == null ? "null" : fact.getClass().getSimpleName()));
        }
        CompiledVersion.Evaluation evaluation = version.evaluate(fact, decisionType, fireLimit);
        if (evaluation.decisions().isEmpty()) {
            throw new RuleEvaluationException(version.ruleSet(), version.version(),
                    "no rule decided (fired: " + evaluation.firedRules() + ")");
        }
        D decision = definition.combine().apply((List<D>) evaluation.decisions());
        return new RuleDecision<>(version.ruleSet(), version.version(), decision, definition.outcomeOf(decision),
                evaluation.firedRules(), null);
    }
}
