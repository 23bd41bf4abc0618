package com.invgov.inventory;

import java.math.BigDecimal;

/** The quantity rules of DESIGN §6: greater than 0, at most 10^12, at most 6 decimals, never rounded. */
public final class Quantities {

    public static final BigDecimal MAX = new BigDecimal("1000000000000");
    public static final int MAX_DECIMALS = 6;

    private Quantities() {
    }

    /** Decimals actually used (2.500 has 1). */
    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** The value without trailing zeros and never in exponent notation (2.500 → 2.5, 1E+2 → 100), as stored. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Null when the quantity is acceptable, else why not. */
    public static String problem(BigDecimal quantity) {
        if (quantity == null) {
            return "required";
        }
        if (quantity.signum() <= 0) {
            return "must be greater than 0";
        }
        if (quantity.compareTo(MAX) > 0) {
            return "must be at most 10^12";
        }
        if (decimals(quantity) > MAX_DECIMALS) {
            return "at most 6 decimals";
        }
        return null;
    }
}
