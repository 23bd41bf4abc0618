package com.invgov.security;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;

import java.util.Set;

/** The signed-in user lacks the role an action needs; the API answers 403 {@code forbidden}. */
public class NotPermitted extends ApiProblem {

    private final Set<Role> allowed;

    public NotPermitted(String action, Set<Role> allowed) {
        super(ProblemType.FORBIDDEN, action + " needs one of the roles " + allowed);
        this.allowed = Set.copyOf(allowed);
    }

    public Set<Role> allowed() {
        return allowed;
    }
}
