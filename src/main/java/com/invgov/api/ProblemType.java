package com.invgov.api;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * The stable problem {@code type}s of the API (DESIGN §6). Clients match on the last path segment.
 */
public enum ProblemType {
    VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Sign-in required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not permitted"),
    INSUFFICIENT_STOCK("insufficient-stock", HttpStatus.CONFLICT, "Insufficient stock"),
    /** The stock asked for is there but not AVAILABLE: on quality hold (QUARANTINE), in INSPECTION or BLOCKED. */
    STOCK_ON_HOLD("stock-on-hold", HttpStatus.CONFLICT, "Stock on quality hold"),
    IDEMPOTENCY_CONFLICT("idempotency-conflict", HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused with another request"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RULE_COMPILATION("rule-compilation", HttpStatus.UNPROCESSABLE_ENTITY, "Rules do not compile"),
    SEGREGATION_OF_DUTIES("segregation-of-duties", HttpStatus.FORBIDDEN, "Segregation of duties");

    /** Base of every type URI; an identifier, not a page to fetch. */
    public static final String BASE = "https://invgov.example/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
