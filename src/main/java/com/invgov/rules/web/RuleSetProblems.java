package com.invgov.rules.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.invgov.api.FieldProblem;
import com.invgov.api.ProblemType;
import com.invgov.api.Problems;
import com.invgov.rules.RuleCompilationException;
import com.invgov.rules.RuleEvaluationException;
import com.invgov.rules.RuleSetBadRequest;
import com.invgov.rules.RuleSetNotFound;
import com.invgov.rules.RuleTableInvalid;
import com.invgov.security.NotPermitted;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Problem details for the rule-set API only (the global advice lives in {@code api}); first in line for these
 * controllers so the two never disagree.
 */
@RestControllerAdvice(assignableTypes = RuleSetController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleSetProblems {

    @ExceptionHandler(RuleCompilationException.class)
    ProblemDetail compilation(RuleCompilationException e) {
        ProblemDetail problem = Problems.of(ProblemType.RULE_COMPILATION, "The rules of '" + e.ruleSet()
                + "' are refused: " + e.errors().size() + " error(s)");
        problem.setProperty("errors", e.errors().stream().map(err -> Map.of("source", err.source(), "line",
                err.line(), "column", err.column(), "message", err.message())).toList());
        return problem;
    }

    @ExceptionHandler(RuleEvaluationException.class)
    ProblemDetail evaluation(RuleEvaluationException e) {
        ProblemDetail problem = Problems.of(ProblemType.RULE_COMPILATION, e.getMessage());
        problem.setProperty("errors", List.of(Map.of("line", 0, "column", 0, "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(RuleTableInvalid.class)
    ProblemDetail table(RuleTableInvalid e) {
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, e.getMessage());
        problem.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(RuleSetBadRequest.class)
    ProblemDetail badRequest(RuleSetBadRequest e) {
        return Problems.of(ProblemType.VALIDATION, e.getMessage());
    }

    /** A path variable such as {@code version} that is not a number of its type: named, without Java's words. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == int.class || e.getRequiredType() == Integer.class
                ? "a whole number from 1 to " + Integer.MAX_VALUE : "valid";
        String message = "must be " + type;
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, e.getName() + " " + message + ".");
        problem.setProperty("errors", List.of(new FieldProblem(e.getName(), message)));
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            return Problems.of(ProblemType.VALIDATION, "The request cannot be read: " + field
                    + " has the wrong type or value.");
        }
        return Problems.of(ProblemType.VALIDATION, e.getCause() == null
                ? "The request body is missing or cannot be read." : "The request body is not valid JSON.");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return Problems.of(ProblemType.VALIDATION, "The request cannot be read: part '" + e.getRequestPartName()
                + "' is missing.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler(RuleSetNotFound.class)
    ProblemDetail notFound(RuleSetNotFound e) {
        return Problems.of(ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NotPermitted.class)
    ProblemDetail notPermitted(NotPermitted e) {
        return Problems.of(ProblemType.FORBIDDEN, e.getMessage());
    }
}
