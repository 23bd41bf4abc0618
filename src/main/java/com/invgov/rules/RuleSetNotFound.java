package com.invgov.rules;

/** No such rule set or version; the API answers 404. */
public class RuleSetNotFound extends RuntimeException {

    public RuleSetNotFound(String message) {
        super(message);
    }
}
