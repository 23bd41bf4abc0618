package com.invgov.adjustment;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;

/** Whoever counted, recounted or requested may not approve, and nobody approves twice: 403. */
public class SegregationOfDuties extends ApiProblem {

    public SegregationOfDuties(String detail) {
        super(ProblemType.SEGREGATION_OF_DUTIES, detail);
    }
}
