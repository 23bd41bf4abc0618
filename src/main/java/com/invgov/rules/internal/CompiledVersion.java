package com.invgov.rules.internal;

import com.invgov.rules.RuleEvaluationException;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of a rule set, compiled: its KieBase is immutable and shared; each evaluation runs on a session of
 * its own, so concurrent decisions never see each other. Sessions come from a pool and go back to it reset (a new
 * session per decision built its working and segment memories again each time).
 */
record CompiledVersion(String ruleSet, int version, KieBase kieBase, List<String> ruleNames,
                       KieSessionsPool sessions) {

    CompiledVersion(String ruleSet, int version, KieBase kieBase, List<String> ruleNames) {
        this(ruleSet, version, kieBase, ruleNames, kieBase.newKieSessionsPool(2));
    }

    /** What one evaluation produced: the decision objects still in working memory and the rules that fired. */
    record Evaluation(List<Object> decisions, List<String> firedRules) {
    }

    /**
     * Inserts the fact, fires at most {@code fireLimit} rules and collects the decision objects.
     *
     * @throws RuleEvaluationException when the rules fire {@code fireLimit} times (a loop, cut off)
     */
    Evaluation evaluate(Object fact, Class<?> decisionType, int fireLimit) {
        KieSession session = sessions.newKieSession();
        Recorder recorder = new Recorder(decisionType, fireLimit);
        session.addEventListener((AgendaEventListener) recorder);
        session.addEventListener((RuleRuntimeEventListener) recorder);
        boolean reusable = false;
        try {
            session.insert(fact);
            session.fireAllRules();
            reusable = !recorder.cutOff;
        } finally {
            session.removeEventListener((AgendaEventListener) recorder);
            session.removeEventListener((RuleRuntimeEventListener) recorder);
            if (reusable) {
                // back to the pool, reset; a halted or failed session is left to the garbage collector instead
                session.dispose();
            }
        }
        if (recorder.cutOff) {
            throw new RuleEvaluationException(ruleSet, version, "the rules fired " + fireLimit
                    + " times without coming to rest and were stopped (a rule loop?); last fired: "
                    + recorder.fired.get(recorder.fired.size() - 1));
        }
        return new Evaluation(new ArrayList<>(recorder.decisions.values()), recorder.fired);
    }

    /** Records fired rules and the decision objects alive at the end; halts the session at the fire limit. */
    private static final class Recorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        private final Class<?> decisionType;
        private final int fireLimit;
        private final List<String> fired = new ArrayList<>(4);
        // identity and insertion order: equal records inserted twice are two decision objects
        private final Map<Identity, Object> decisions = new LinkedHashMap<>();
        private boolean cutOff;

        Recorder(Class<?> decisionType, int fireLimit) {
            this.decisionType = decisionType;
            this.fireLimit = fireLimit;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            fired.add(event.getMatch().getRule().getName());
            if (fired.size() >= fireLimit) {
                cutOff = true;
                ((KieSession) event.getKieRuntime()).halt();
            }
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Object o = event.getObject();
            if (decisionType.isInstance(o)) {
                decisions.put(new Identity(o), o);
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            // records are immutable; an update changes nothing we keep
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            Object o = event.getOldObject();
            if (o != null) {
                decisions.remove(new Identity(o));
            }
        }
    }

    /** Wraps an object so a map keys it by identity while keeping insertion order. */
    private record Identity(Object object) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }
}
