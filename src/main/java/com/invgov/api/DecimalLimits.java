package com.invgov.api;

import java.math.BigDecimal;

/**
 * The widest decimal number any field of this API can hold: at most {@value #MAX_DIGITS} digits before the decimal
 * point and {@value #MAX_DIGITS} after it. Quantities, costs and limits are far smaller, but a number such as
 * {@code 1e100000} or {@code 1e-999999999} is a few characters of text that no column, JSON writer or
 * {@code toPlainString()} can cope with (the last one would build a string of a billion digits): such numbers are
 * refused where they are read, before any field's own rule runs.
 */
public final class DecimalLimits {

    public static final int MAX_DIGITS = 100;

    private DecimalLimits() {
    }

    /** Why {@code value} is beyond what any field holds, or null (also for null). */
    public static String refusal(BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return null;
        }
        // scale and precision only: stripTrailingZeros of 1E+999999999 stays cheap, and both are ints
        BigDecimal stripped = value.stripTrailingZeros();
        long integerDigits = (long) stripped.precision() - stripped.scale();
        if (integerDigits > MAX_DIGITS) {
            return "is too large (at most " + MAX_DIGITS + " digits before the decimal point)";
        }
        if (stripped.scale() > MAX_DIGITS) {
            return "has too many decimals (at most " + MAX_DIGITS + ")";
        }
        return null;
    }

    /**
     * Text as a number within these limits (CSV cells, query parameters).
     *
     * @throws NumberFormatException when the text is not a number or the number is beyond the limits; the message
     *                               says which, in a user's words
     */
    public static BigDecimal parse(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new NumberFormatException("is not a number");
        }
        String refusal = refusal(value);
        if (refusal != null) {
            throw new NumberFormatException(refusal);
        }
        return value;
    }
}
