package com.invgov.rules;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;

/**
 * The version is not in a state that allows the action (e.g. publishing the published one); 409, a business
 * refusal (an idempotent retry of a call that succeeded answers as that call did).
 */
public class RuleVersionConflict extends ApiProblem {

    public RuleVersionConflict(String message) {
        super(ProblemType.CONFLICT, message);
    }
}
