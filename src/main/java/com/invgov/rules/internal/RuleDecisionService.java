package com.invgov.rules.internal;

import com.invgov.rules.RuleDecision;
import com.invgov.rules.RuleDecisions;
import com.invgov.rules.RuleSet;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** Decides with the published version and logs the decision in the caller's transaction. */
@Service
class RuleDecisionService implements RuleDecisions {

    private final PublishedRuleSets published;
    private final Evaluator evaluator;
    private final DecisionLog decisionLog;
    private final Clock clock;

    RuleDecisionService(PublishedRuleSets published, Evaluator evaluator, DecisionLog decisionLog, Clock clock) {
        this.published = published;
        this.evaluator = evaluator;
        this.decisionLog = decisionLog;
        this.clock = clock;
    }

    @Override
    public <F, D> RuleDecision<D> decide(RuleSet<F, D> ruleSet, String subject, F fact) {
        Objects.requireNonNull(fact, "fact");
        RuleDecision<D> decision = evaluate(ruleSet, fact);
        UUID id = decisionLog.write(decision.ruleSet(), decision.version(), subject, fact, decision.decision(),
                decision.outcome(), decision.firedRules(), clock.instant());
        return new RuleDecision<>(decision.ruleSet(), decision.version(), decision.decision(), decision.outcome(),
                decision.firedRules(), id);
    }

    /** The in-memory part of {@link #decide}: no log. The benchmark measures this and the log apart. */
    <F, D> RuleDecision<D> evaluate(RuleSet<F, D> ruleSet, F fact) {
        return evaluator.evaluate(RuleSetDefinitions.of(ruleSet), published.current(ruleSet.key()), fact);
    }
}
