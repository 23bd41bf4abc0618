package com.invgov.receiving;

import java.math.BigDecimal;

/**
 * One check of an incoming-inspection checklist: pass/fail when {@code min} and {@code max} are null, else a
 * measured value in {@code unit} that passes within the limits (either may be open).
 */
public record InspectionCheck(String name, BigDecimal min, BigDecimal max, String unit) {

    public boolean measured() {
        return min != null || max != null;
    }

    public boolean within(BigDecimal value) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }
}
