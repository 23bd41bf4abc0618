package com.invgov.rules;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;

/** The author of a rule-set version tried to publish it; a second ADMIN must (DESIGN §7); 403. */
public class FourEyesRequired extends ApiProblem {

    public FourEyesRequired(String ruleSet, int version, String author) {
        super(ProblemType.FORBIDDEN, "Version " + version + " of '" + ruleSet + "' was written by " + author
                + "; a second ADMIN must publish it");
    }

    /** The publisher's account was made an ADMIN, or given its password, by the author. */
    public FourEyesRequired(String ruleSet, int version, String author, String publisher) {
        super(ProblemType.FORBIDDEN, "Version " + version + " of '" + ruleSet + "' was written by " + author
                + ", who made " + publisher + " an ADMIN or set its password; another ADMIN must publish it");
    }
}
