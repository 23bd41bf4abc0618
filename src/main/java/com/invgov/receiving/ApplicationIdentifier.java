package com.invgov.receiving;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GS1 application identifiers this reader knows: the six receiving uses (01, 10, 17, 21, 30, 37) and the ones
 * that share a label with them on real cases and pallets (SSCC, contained GTIN, other dates, weights, GLNs, internal
 * codes), which are read and checked so that such a label scans, and kept as they are.
 *
 * @param fixedLength the exact length of a fixed-length value, 0 for a variable one
 * @param maxLength   the longest value
 */
record ApplicationIdentifier(String code, String title, Kind kind, int fixedLength, int maxLength) {

    enum Kind {
        /** Digits whose last one is a GS1 mod-10 check digit. */
        CHECKED_NUMBER,
        /** Digits. */
        NUMBER,
        /** YYMMDD; DD 00 means the last day of the month. */
        DATE,
        /** GS1 character set 82. */
        TEXT
    }

    private static final Map<String, ApplicationIdentifier> KNOWN = new HashMap<>();

    static {
        fixed("00", "SSCC", Kind.CHECKED_NUMBER, 18);
        fixed("01", "GTIN", Kind.CHECKED_NUMBER, 14);
        fixed("02", "GTIN of contained trade items", Kind.CHECKED_NUMBER, 14);
        variable("10", "batch/lot", Kind.TEXT, 20);
        fixed("11", "production date", Kind.DATE, 6);
        fixed("12", "due date", Kind.DATE, 6);
        fixed("13", "packaging date", Kind.DATE, 6);
        fixed("15", "best before date", Kind.DATE, 6);
        fixed("16", "sell by date", Kind.DATE, 6);
        fixed("17", "expiry date", Kind.DATE, 6);
        fixed("20", "variant", Kind.NUMBER, 2);
        variable("21", "serial number", Kind.TEXT, 20);
        variable("22", "consumer product variant", Kind.TEXT, 20);
        variable("30", "count of items", Kind.NUMBER, 8);
        variable("37", "count of trade items", Kind.NUMBER, 8);
        variable("240", "additional product identification", Kind.TEXT, 30);
        variable("241", "customer part number", Kind.TEXT, 30);
        variable("250", "secondary serial number", Kind.TEXT, 30);
        variable("400", "customer's purchase order number", Kind.TEXT, 30);
        variable("401", "consignment number", Kind.TEXT, 30);
        for (int ai = 410; ai <= 417; ai++) {
            fixed(Integer.toString(ai), "GLN", Kind.CHECKED_NUMBER, 13);
        }
        // trade measures 310n-369n (n = decimal places): six digits
        for (int family = 310; family <= 369; family++) {
            for (int decimals = 0; decimals <= 5; decimals++) {
                fixed(family + Integer.toString(decimals), "measure", Kind.NUMBER, 6);
            }
        }
        variable("90", "mutually agreed information", Kind.TEXT, 30);
        for (int ai = 91; ai <= 99; ai++) {
            variable(Integer.toString(ai), "company internal information", Kind.TEXT, 90);
        }
    }

    /** The identifier at the start of {@code text}: GS1 identifiers are prefix-free, so the shortest match is it. */
    static Optional<ApplicationIdentifier> at(CharSequence text, int start) {
        for (int length = 2; length <= 4 && start + length <= text.length(); length++) {
            var known = KNOWN.get(text.subSequence(start, start + length).toString());
            if (known != null) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    static Optional<ApplicationIdentifier> of(String code) {
        return Optional.ofNullable(KNOWN.get(code));
    }

    boolean isFixedLength() {
        return fixedLength > 0;
    }

    String label() {
        return "AI " + code + " (" + title + ")";
    }

    private static void fixed(String code, String title, Kind kind, int length) {
        KNOWN.put(code, new ApplicationIdentifier(code, title, kind, length, length));
    }

    private static void variable(String code, String title, Kind kind, int maxLength) {
        KNOWN.put(code, new ApplicationIdentifier(code, title, kind, 0, maxLength));
    }
}
