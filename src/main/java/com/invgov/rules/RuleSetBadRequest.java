package com.invgov.rules;

/** A request about rule sets that cannot be understood (wrong format, unreadable CSV); 422 validation. */
public class RuleSetBadRequest extends RuntimeException {

    public RuleSetBadRequest(String message) {
        super(message);
    }
}
