package com.invgov.rules;

import java.util.List;
import java.util.Map;

/**
 * A version run against recorded or uploaded facts, next to the published version.
 *
 * @param cases     facts evaluated
 * @param changed   cases whose decision differs from the published version's
 * @param byOutcome outcome label → how many cases the published version and the candidate give it
 * @param examples  up to 20 changed cases (or, when nothing changed, the first few)
 */
public record SimulationResult(String ruleSet, int version, Integer publishedVersion, int cases, int changed,
                               Map<String, OutcomeCount> byOutcome, List<Case> examples) {

    public record OutcomeCount(int published, int candidate) {
    }

    /**
     * @param facts the fact as JSON-ready object
     */
    public record Case(String subject, Object facts, String publishedOutcome, String candidateOutcome,
                       boolean changed, List<String> candidateFiredRules, String error) {
    }
}
