package com.invgov.api;

/** One field a request got wrong: {@code field} is a JSON path such as {@code from.location} or {@code movements[3].sku}. */
public record FieldProblem(String field, String message) {
}
