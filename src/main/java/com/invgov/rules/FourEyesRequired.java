package com.invgov.rules;

/** The author of a rule-set version tried to publish it; a second ADMIN must (DESIGN §7); 403. */
public class FourEyesRequired extends RuntimeException {

    public FourEyesRequired(String ruleSet, int version, String author) {
        super("Version " + version + " of '" + ruleSet + "' was written by " + author
                + "; a second ADMIN must publish it");
    }
}
