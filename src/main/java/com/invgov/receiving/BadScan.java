package com.invgov.receiving;

import com.invgov.api.ApiProblem;
import com.invgov.api.FieldProblem;
import com.invgov.api.ProblemType;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A GS1-128 scan that cannot be read: 400 {@code validation} naming the part that is wrong. */
public class BadScan extends ApiProblem {

    public BadScan(InvalidBarcode e) {
        super(ProblemType.VALIDATION, HttpStatus.BAD_REQUEST, "The scan cannot be read: " + e.getMessage(),
                List.of(new FieldProblem("scan", e.getMessage())));
        with("problem", e.problem().name());
        with("applicationIdentifier", e.applicationIdentifier());
        with("position", e.position());
    }
}
