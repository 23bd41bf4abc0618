package com.invgov.receiving;

/**
 * A scan that is not a valid GS1 element string, saying which part is wrong and where, so that an operator can tell a
 * misread from a wrongly printed label.
 */
public class InvalidBarcode extends RuntimeException {

    /** What is wrong with the part. */
    public enum Problem {
        /** Nothing was scanned. */
        EMPTY,
        /** A symbology prefix ({@code ]E0}, {@code ]A0}...) of a code that carries no GS1 element string. */
        NOT_GS1,
        /** The brackets of the human-readable form do not pair up, or text stands outside them. */
        MALFORMED,
        /** An application identifier this reader does not know. */
        UNKNOWN_AI,
        /** The same application identifier twice. */
        DUPLICATE_AI,
        /** A fixed-length value ends early. */
        TOO_SHORT,
        /** A value longer than its application identifier allows (often a missing FNC1/GS separator). */
        TOO_LONG,
        /** A variable-length value with no characters. */
        EMPTY_VALUE,
        /** A digit expected, something else found. */
        NOT_NUMERIC,
        /** A character outside the GS1 character set 82 in a lot, serial or other text. */
        INVALID_CHARACTER,
        /** The check digit of a GTIN, SSCC or GLN does not match its other digits. */
        WRONG_CHECK_DIGIT,
        /** A YYMMDD value that is no date. */
        INVALID_DATE
    }

    private final Problem problem;
    private final String applicationIdentifier;
    private final int position;

    InvalidBarcode(Problem problem, String applicationIdentifier, int position, String message) {
        super(message);
        this.problem = problem;
        this.applicationIdentifier = applicationIdentifier;
        this.position = position;
    }

    public Problem problem() {
        return problem;
    }

    /** The application identifier of the wrong part, {@code null} when the problem is not in one element. */
    public String applicationIdentifier() {
        return applicationIdentifier;
    }

    /** 1-based position in the scan as given (symbology prefix included) where the wrong part starts. */
    public int position() {
        return position;
    }
}
