package com.invgov.api;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base class of every domain exception a client may cause. The API's one exception handler turns it into
 * problem details of its {@link ProblemType} (status, {@code type}, {@code detail}, {@code errors} and any extra
 * properties), so a module only declares its exception:
 *
 * <pre>{@code
 * public class InsufficientStock extends ApiProblem {
 *     public InsufficientStock(String detail) { super(ProblemType.INSUFFICIENT_STOCK, detail); }
 * }
 * }</pre>
 *
 * A refusal whose status is 409 is a business refusal: an idempotent call stores and replays it. Every other
 * status means nothing ran and the key is not kept.
 */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final HttpStatus status;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private transient Runnable aftermath;

    public ApiProblem(ProblemType type, String detail) {
        this(type, type.status(), detail, List.of());
    }

    public ApiProblem(ProblemType type, HttpStatus status, String detail, List<FieldProblem> errors) {
        super(detail);
        this.type = type;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Extra members of the problem document (e.g. {@code available} on insufficient stock). */
    public Map<String, Object> properties() {
        return properties;
    }

    /**
     * Work to do once the refused transaction has rolled back, in a transaction of its own: e.g. counting a
     * refusal for insufficient stock, which must survive the refusal. The outermost {@link Transactions} runs it.
     */
    public ApiProblem afterRollback(Runnable work) {
        this.aftermath = work;
        return this;
    }

    /** Runs and forgets the after-rollback work, if any. */
    Runnable takeAftermath() {
        Runnable work = aftermath;
        aftermath = null;
        return work;
    }

    private static final java.util.Set<String> STANDARD_MEMBERS = java.util.Set.of("type", "title", "status",
            "detail", "instance");

    public ApiProblem with(String property, Object value) {
        if (STANDARD_MEMBERS.contains(property)) {
            // a property named like a member of RFC 9457 would replace it: "status" must stay the HTTP status
            throw new IllegalArgumentException("problem property '" + property + "' is a standard member");
        }
        properties.put(property, value);
        return this;
    }
}
