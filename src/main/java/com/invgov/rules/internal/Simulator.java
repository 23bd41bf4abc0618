package com.invgov.rules.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.rules.RuleDecision;
import com.invgov.rules.RuleSetBadRequest;
import com.invgov.rules.SimulationResult;
import com.invgov.rules.SimulationResult.Case;
import com.invgov.rules.SimulationResult.OutcomeCount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Runs a candidate version and the published one over the same facts and counts what changes. */
final class Simulator {

    private static final int EXAMPLES = 20;

    /** A fact to replay, with the subject it was logged for (null for uploaded facts). */
    record Input(String subject, Object fact) {
    }

    private Simulator() {
    }

    static SimulationResult run(Evaluator evaluator, RuleSetDefinition<?, ?, ?> definition,
                                CompiledVersion candidate, CompiledVersion published, List<Input> inputs,
                                ObjectMapper json) {
        Map<String, int[]> byOutcome = new TreeMap<>();
        List<Case> changedCases = new ArrayList<>();
        List<Case> sameCases = new ArrayList<>();
        int changed = 0;
        for (Input input : inputs) {
            RuleDecision<?> before;
            try {
                before = evaluator.evaluate(definition, published, input.fact());
            } catch (RuntimeException e) {
                // the published version decides every real fact: one it cannot decide is a bad upload
                throw new RuleSetBadRequest((input.subject() == null ? "A fact" : input.subject())
                        + " cannot be decided by the published version: " + e.getMessage());
            }
            RuleDecision<?> after;
            try {
                after = evaluator.evaluate(definition, candidate, input.fact());
            } catch (RuntimeException e) {
                // a looping or silent candidate is a finding of the simulation, not a failure of it
                after = null;
                changed++;
                byOutcome.computeIfAbsent(before.outcome(), k -> new int[2])[0]++;
                byOutcome.computeIfAbsent("ERROR", k -> new int[2])[1]++;
                changedCases.add(new Case(input.subject(), json.valueToTree(input.fact()), before.outcome(), "ERROR",
                        true, List.of(), e.getMessage()));
                continue;
            }
            boolean differs = !Objects.equals(before.decision(), after.decision());
            byOutcome.computeIfAbsent(before.outcome(), k -> new int[2])[0]++;
            byOutcome.computeIfAbsent(after.outcome(), k -> new int[2])[1]++;
            Case c = new Case(input.subject(), json.valueToTree(input.fact()), before.outcome(), after.outcome(),
                    differs, after.firedRules(), null);
            if (differs) {
                changed++;
                changedCases.add(c);
            } else {
                sameCases.add(c);
            }
        }
        List<Case> examples = new ArrayList<>(changedCases.subList(0, Math.min(EXAMPLES, changedCases.size())));
        if (examples.isEmpty()) {
            examples.addAll(sameCases.subList(0, Math.min(5, sameCases.size())));
        }
        Map<String, OutcomeCount> counts = new TreeMap<>();
        byOutcome.forEach((k, v) -> counts.put(k, new OutcomeCount(v[0], v[1])));
        return new SimulationResult(definition.key(), candidate.version(), published.version(), inputs.size(),
                changed, counts, examples);
    }
}
