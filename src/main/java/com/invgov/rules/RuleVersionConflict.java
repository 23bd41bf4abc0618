package com.invgov.rules;

/** The version is not in a state that allows the action (e.g. publishing the published one); 409. */
public class RuleVersionConflict extends RuntimeException {

    public RuleVersionConflict(String message) {
        super(message);
    }
}
