package com.invgov.api.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value that parses but that the API refuses for every field: a string with the NUL character (PostgreSQL
 * cannot store it), a date or time given as a number or outside {@link StorableTime}, a number beyond
 * {@link com.invgov.api.DecimalLimits}. Jackson adds the field's path
 * on the way out; {@link ApiExceptionHandler} answers 400 (NUL, a number for a time: a malformed request) or 422 (a
 * time out of range).
 */
final class RefusedValue extends JsonMappingException {

    enum Kind { UNSTORABLE_TEXT, TIME_OUT_OF_RANGE, TIME_AS_NUMBER, NUMBER_OUT_OF_RANGE }

    private final Kind kind;
    private final String reason;

    RefusedValue(JsonParser parser, Kind kind, String reason) {
        super(parser, reason);
        this.kind = kind;
        this.reason = reason;
    }

    Kind kind() {
        return kind;
    }

    String reason() {
        return reason;
    }
}
