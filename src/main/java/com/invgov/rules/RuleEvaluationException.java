package com.invgov.rules;

/** A rule set version could not decide: its rules looped past the fire limit, or no rule decided. */
public class RuleEvaluationException extends RuntimeException {

    private final String ruleSet;
    private final int version;

    public RuleEvaluationException(String ruleSet, int version, String message) {
        super("Rule set '" + ruleSet + "' version " + version + ": " + message);
        this.ruleSet = ruleSet;
        this.version = version;
    }

    public String ruleSet() {
        return ruleSet;
    }

    public int version() {
        return version;
    }
}
