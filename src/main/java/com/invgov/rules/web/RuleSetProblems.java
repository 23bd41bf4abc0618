package com.invgov.rules.web;

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

import java.util.Map;

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
        problem.setProperty("errors", java.util.List.of(Map.of("line", 0, "column", 0, "message", e.getMessage())));
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

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestPartException.class})
    ProblemDetail unreadable(Exception e) {
        return Problems.of(ProblemType.VALIDATION, "The request cannot be read: "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
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
