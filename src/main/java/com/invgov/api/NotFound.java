package com.invgov.api;

/** The thing a path names does not exist: 404 {@code not-found}. */
public class NotFound extends ApiProblem {

    public NotFound(String what, String id) {
        super(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }
}
