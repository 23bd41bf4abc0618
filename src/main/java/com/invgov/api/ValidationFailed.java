package com.invgov.api;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A request that is well-formed but breaks a rule (unknown item, lot missing, a type not allowed here): 422
 * {@code validation} with field errors. Malformed requests (syntax, types, missing fields) are 400.
 */
public class ValidationFailed extends ApiProblem {

    public ValidationFailed(String detail, List<FieldProblem> errors) {
        super(ProblemType.VALIDATION, HttpStatus.UNPROCESSABLE_ENTITY, detail, errors);
    }

    public ValidationFailed(String field, String message) {
        this(message, List.of(new FieldProblem(field, message)));
    }

    /** A malformed request: 400 {@code validation}. */
    public static ApiProblem badRequest(String detail, List<FieldProblem> errors) {
        return new ApiProblem(ProblemType.VALIDATION, HttpStatus.BAD_REQUEST, detail, errors);
    }
}
