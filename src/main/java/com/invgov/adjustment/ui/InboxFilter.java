package com.invgov.adjustment.ui;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The approvals inbox's filters; an empty field filters nothing. {@code place} matches a warehouse code exactly or
 * the start of a location code (case-insensitive); {@code minValue} is inclusive.
 */
record InboxFilter(String place, String abcClass, BigDecimal minValue, String source) implements Serializable {

    static final InboxFilter NONE = new InboxFilter(null, null, null, null);

    boolean test(ApprovalsView.Row row) {
        if (place != null && !place.isBlank()) {
            String p = place.trim().toUpperCase(Locale.ROOT);
            boolean warehouse = row.warehouse() != null && row.warehouse().equalsIgnoreCase(p);
            if (!warehouse && !row.location().toUpperCase(Locale.ROOT).startsWith(p)) {
                return false;
            }
        }
        if (abcClass != null && !abcClass.isBlank() && !abcClass.equals(row.abcClass())) {
            return false;
        }
        if (minValue != null && row.adjustment().value().compareTo(minValue) < 0) {
            return false;
        }
        return source == null || source.isBlank() || source.equals(row.adjustment().source());
    }
}
