package com.invgov.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque cursors for {@code ?after=}: the position (a key or a number) base64url-encoded, so clients do not
 * build them. {@link #limit} clamps the page size to 1..1000 (default 100).
 */
public final class Cursor {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    private Cursor() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position of a cursor, or null for none; a cursor this API did not make is 400. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The parts of a composite key cursor (separated by U+001F), or null for none; any other cursor is 400. */
    public static String[] decodeKey(String cursor, int parts) {
        String position = decode(cursor);
        if (position == null) {
            return null;
        }
        String[] key = position.split("\u001f", -1);
        if (key.length != parts) {
            throw invalid();
        }
        return key;
    }

    public static long decodeLong(String cursor, long none) {
        String position = decode(cursor);
        if (position == null) {
            return none;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationFailed.badRequest("limit must be between 1 and " + MAX_LIMIT,
                    List.of(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return limit;
    }

    private static ApiProblem invalid() {
        return ValidationFailed.badRequest("after is not a cursor this API gave out",
                List.of(new FieldProblem("after", "not a cursor this API gave out")));
    }
}
