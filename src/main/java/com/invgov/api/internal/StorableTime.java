package com.invgov.api.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The dates and times the API accepts from clients: years 1900 to 9999, instants from 1900-01-01T00:00:00Z to
 * 9999-12-31T23:59:59.999999999Z (an offset or zoned time by its instant). PostgreSQL stores a narrower range
 * than {@code java.time} can parse (about 4713 BC to 294276 AD); a value outside it would fail in the database,
 * after work has started. The range is narrower still on purpose: nothing in a plant happens before 1900, and
 * years above 9999 do not print as plain ISO-8601.
 */
final class StorableTime {

    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    static final Instant FIRST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    static final String DAYS = "must be between " + FIRST_DAY + " and " + LAST_DAY;
    static final String INSTANTS = "must be between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private StorableTime() {
    }

    /** Why {@code value} cannot be stored, or null when it can (and for values that are not dates or times). */
    static String refusal(Object value) {
        if (value instanceof Instant instant) {
            return instant(instant);
        }
        if (value instanceof OffsetDateTime time) {
            return instant(time.toInstant());
        }
        if (value instanceof ZonedDateTime time) {
            return instant(time.toInstant());
        }
        if (value instanceof LocalDate day) {
            return day(day);
        }
        if (value instanceof LocalDateTime time) {
            return day(time.toLocalDate());
        }
        return null;
    }

    static boolean isTime(Class<?> type) {
        return type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == LocalDate.class || type == LocalDateTime.class;
    }

    /** A request parameter out of range; Spring MVC answers it as a type mismatch, see {@link ApiExceptionHandler}. */
    static final class OutOfRange extends IllegalArgumentException {
        OutOfRange(String reason) {
            super(reason);
        }
    }

    private static String instant(Instant instant) {
        return instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT) ? INSTANTS : null;
    }

    private static String day(LocalDate day) {
        return day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY) ? DAYS : null;
    }
}
