package com.invgov.api;

/** The request clashes with the current state (e.g. changing the base UoM of an item with movements): 409. */
public class Conflict extends ApiProblem {

    public Conflict(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
