package com.invgov.api.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.invgov.api.ApiProblem;
import com.invgov.api.FieldProblem;
import com.invgov.api.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one mapping of exceptions to problem details for every REST controller. Domain refusals extend
 * {@link ApiProblem}; Spring MVC's own refusals (malformed JSON, wrong types, unknown enum values, missing
 * headers, unsupported media types, ...) get the stable type of their status. Nothing a client sends ends in
 * a 500: what is left is a bug, logged, and answered without a stack trace.
 */
@RestControllerAdvice
// early, but after a module's own advice for its controllers (those are HIGHEST_PRECEDENCE)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem e, HttpServletRequest request) {
        return ProblemResponses.response(ProblemResponses.problem(e, request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return simple(ProblemType.FORBIDDEN, ProblemType.FORBIDDEN.status(), "Your roles do not allow this.", request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return simple(ProblemType.UNAUTHORIZED, ProblemType.UNAUTHORIZED.status(), "Sign-in required.", request);
    }

    /**
     * Spring Security's firewall checks header values only when they are read (a non-ASCII Idempotency-Key or
     * If-Match, read while the controller's arguments are resolved): a 400 as for the URLs it refuses up front.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, HttpServletRequest request) {
        return simple(ProblemType.VALIDATION, HttpStatus.BAD_REQUEST, "The request is not allowed: " + e.getMessage(),
                request);
    }

    /** A multipart body that does not parse (cut short, no boundary): the client's, on any endpoint. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> badMultipart(org.springframework.web.multipart.MultipartException e,
                                        HttpServletRequest request) {
        return simple(ProblemType.VALIDATION, HttpStatus.BAD_REQUEST, "The multipart body cannot be read: "
                + e.getMostSpecificCause().getMessage(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        ResponseEntity<Object> invalid = invalidData(e, request);
        if (invalid != null) {
            return invalid;
        }
        log.warn("request refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return simple(ProblemType.CONFLICT, HttpStatus.CONFLICT,
                "The request conflicts with the current data.", request);
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> busy(PessimisticLockingFailureException e, HttpServletRequest request) {
        log.warn("lock conflict after retries: {}", e.getMessage());
        return simple(ProblemType.CONFLICT, HttpStatus.CONFLICT,
                "The data was busy; retry with the same Idempotency-Key.", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        PayloadTooLarge tooLarge = cause(e, PayloadTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(request);
        }
        ResponseEntity<Object> invalid = invalidData(e, request);
        if (invalid != null) {
            return invalid;
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; it has been logged.");
        return ProblemResponses.response(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        if (cause(e, PayloadTooLarge.class) != null) {
            return tooLarge(servlet);
        }
        List<FieldProblem> errors = new ArrayList<>();
        String detail;
        Throwable cause = e.getCause();
        if (cause instanceof RefusedValue refused) {
            String field = path(refused);
            errors.add(new FieldProblem(field, refused.reason()));
            HttpStatus refusal = refused.kind() == RefusedValue.Kind.TIME_OUT_OF_RANGE
                    ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
            return ProblemResponses.response(ProblemResponses.problem(ProblemType.VALIDATION, refusal,
                    field + " " + refused.reason() + ".", errors, servlet));
        }
        if (cause instanceof StreamConstraintsException) {
            detail = "A value in the body is too long (numbers and strings have limits).";
        } else if (cause instanceof JsonParseException) {
            detail = "The body is not valid JSON.";
        } else if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            String message = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants())
                    : "is not a valid " + simpleName(invalid.getTargetType());
            errors.add(new FieldProblem(field, message));
            detail = field + " " + message;
        } else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            errors.add(new FieldProblem(field, "has the wrong type (expected " + simpleName(mismatched.getTargetType()) + ")"));
            detail = field + " has the wrong type";
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            errors.add(new FieldProblem(field, "cannot be read"));
            detail = field + " cannot be read";
        } else {
            detail = cause == null ? "The request body is missing or unreadable." : "The body is not valid JSON.";
        }
        return ProblemResponses.response(ProblemResponses.problem(ProblemType.VALIDATION, HttpStatus.BAD_REQUEST,
                detail, errors, servlet));
    }

    /** A query parameter or path variable that does not convert: 400 naming it (a time out of range says so). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        field = field == null ? "parameter" : field;
        StorableTime.OutOfRange outOfRange = cause(e, StorableTime.OutOfRange.class);
        String message = outOfRange != null ? outOfRange.getMessage() : "is not a valid " + simpleName(e.getRequiredType());
        return ProblemResponses.response(ProblemResponses.problem(ProblemType.VALIDATION, HttpStatus.BAD_REQUEST,
                field + " " + message + ".", List.of(new FieldProblem(field, message)), servlet(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return ProblemResponses.response(ProblemResponses.problem(ProblemType.VALIDATION, HttpStatus.BAD_REQUEST,
                "The request has invalid fields.", errors, servlet(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return ProblemResponses.response(ProblemResponses.problem(ProblemType.VALIDATION, HttpStatus.BAD_REQUEST,
                "The request has invalid parameters.", errors, servlet(request)));
    }

    /** Every other MVC refusal: keep Spring's status and detail, set our stable type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail() : e.getMessage();
        ProblemDetail problem = ProblemResponses.problem(ProblemResponses.typeOf(status), status, detail, List.of(),
                servlet(request));
        return ResponseEntity.status(status).headers(headers).contentType(com.invgov.api.Problems.PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The safety net for values a client sent that only the database refused: SQLState class 22 (data exception:
     * NUL in text, invalid text for a type, a value out of range, ...) is the request's fault, 400 {@code validation};
     * the transaction has rolled back, so nothing changed. Integrity conflicts (class 23) are not this.
     */
    private static ResponseEntity<Object> invalidData(Throwable e, HttpServletRequest request) {
        String state = dataExceptionState(e);
        if (state == null) {
            return null;
        }
        log.warn("request refused by the database as invalid data (SQLState {}) on {} {}: {}", state,
                request.getMethod(), request.getRequestURI(), mostSpecific(e).getMessage());
        return simple(ProblemType.VALIDATION, HttpStatus.BAD_REQUEST,
                "A value is not valid (the database cannot store or compare it).", request);
    }

    /** The SQLState of the first SQLException in the chain when it is of class 22, else null. */
    static String dataExceptionState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && state.startsWith("22")) {
                        return state;
                    }
                    if (next.getNextException() == next) {
                        break;
                    }
                }
            }
        }
        return null;
    }

    private static Throwable mostSpecific(Throwable e) {
        Throwable last = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            last = t;
        }
        return last;
    }

    private ResponseEntity<Object> tooLarge(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .contentType(com.invgov.api.Problems.PROBLEM_JSON)
                .body(ProblemResponses.problem(ProblemType.PAYLOAD_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE,
                        "Request bodies are limited to 1 MiB.", List.of(), request));
    }

    private static ResponseEntity<Object> simple(ProblemType type, HttpStatusCode status, String detail,
                                                 HttpServletRequest request) {
        return ProblemResponses.response(ProblemResponses.problem(type, status, detail, List.of(), request));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 time";
        }
        return type.getSimpleName();
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof NativeWebRequest n ? n.getNativeRequest(HttpServletRequest.class) : null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
