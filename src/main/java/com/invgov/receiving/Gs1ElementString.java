package com.invgov.receiving;

import com.invgov.receiving.InvalidBarcode.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a scan into (application identifier, value) elements, in either form a dock sees: the raw element string a
 * scanner sends (FNC1 as GS, ASCII 29, after each variable-length value but the last; optionally behind a
 * symbology prefix {@code ]C1}, {@code ]d2} or {@code ]Q3}), or the human-readable text with the identifiers in
 * brackets, {@code (01)09501101020917(17)261231(10)ABC123}. In the bracketed form a value runs to the next {@code (};
 * lots that contain brackets can only be read from the raw form.
 */
final class Gs1ElementString {

    static final char GS = '\u001D';

    /** One element; {@code position} is the 1-based position of its value in the scan as given. */
    record Element(ApplicationIdentifier ai, String value, int position) {
    }

    private Gs1ElementString() {
    }

    static List<Element> split(String scan) {
        if (scan == null) {
            throw new InvalidBarcode(Problem.EMPTY, null, 1, "Nothing was scanned");
        }
        int end = scan.length();
        while (end > 0 && (scan.charAt(end - 1) == '\r' || scan.charAt(end - 1) == '\n'
                || scan.charAt(end - 1) == ' ' || scan.charAt(end - 1) == GS)) {
            end--;
        }
        int start = 0;
        while (start < end && scan.charAt(start) == ' ') {
            start++;
        }
        if (start + 3 <= end && scan.charAt(start) == ']') {
            String prefix = scan.substring(start, start + 3);
            if (!prefix.equals("]C1") && !prefix.equals("]d2") && !prefix.equals("]Q3")) {
                throw new InvalidBarcode(Problem.NOT_GS1, null, start + 1,
                        "Symbology " + prefix + " at position " + (start + 1) + " carries no GS1 data (expected ]C1)");
            }
            start += 3;
        }
        while (start < end && scan.charAt(start) == GS) {
            start++;
        }
        if (start >= end) {
            throw new InvalidBarcode(Problem.EMPTY, null, start + 1, "Nothing was scanned");
        }
        return scan.charAt(start) == '(' ? bracketed(scan, start, end) : raw(scan, start, end);
    }

    private static List<Element> raw(String scan, int start, int end) {
        var elements = new ArrayList<Element>();
        int pos = start;
        while (pos < end) {
            if (scan.charAt(pos) == GS) {
                pos++;
                continue;
            }
            int aiStart = pos;
            ApplicationIdentifier ai = ApplicationIdentifier.at(scan.subSequence(0, end), aiStart)
                    .orElseThrow(() -> unknownAi(scan, aiStart, end));
            int valueStart = pos + ai.code().length();
            int separator = indexOf(scan, GS, valueStart, end);
            if (ai.isFixedLength()) {
                int valueEnd = valueStart + ai.fixedLength();
                if (valueEnd > separator) {
                    throw tooShort(ai, valueStart, separator - valueStart);
                }
                elements.add(new Element(ai, scan.substring(valueStart, valueEnd), valueStart + 1));
                pos = valueEnd;
            } else {
                elements.add(new Element(ai, checkedVariable(ai, scan.substring(valueStart, separator), valueStart),
                        valueStart + 1));
                pos = separator;
            }
        }
        return elements;
    }

    private static List<Element> bracketed(String scan, int start, int end) {
        var elements = new ArrayList<Element>();
        int pos = start;
        while (pos < end) {
            if (scan.charAt(pos) != '(') {
                throw new InvalidBarcode(Problem.MALFORMED, null, pos + 1,
                        "Expected '(' at position " + (pos + 1) + ", found '" + scan.charAt(pos) + "'");
            }
            int close = indexOf(scan, ')', pos + 1, end);
            if (close == end) {
                throw new InvalidBarcode(Problem.MALFORMED, null, pos + 1,
                        "The '(' at position " + (pos + 1) + " is never closed");
            }
            String code = scan.substring(pos + 1, close);
            int codeStart = pos;
            ApplicationIdentifier ai = ApplicationIdentifier.of(code).orElseThrow(() -> unknownAi(code, codeStart + 2));
            int valueStart = close + 1;
            int next = indexOf(scan, '(', valueStart, end);
            while (valueStart < next && scan.charAt(valueStart) == ' ') {
                valueStart++;
            }
            String value = scan.substring(valueStart, next).stripTrailing();
            if (ai.isFixedLength() && value.length() < ai.fixedLength()) {
                throw tooShort(ai, valueStart, value.length());
            }
            if (ai.isFixedLength() && value.length() > ai.fixedLength()) {
                throw tooLong(ai, valueStart, value.length());
            }
            elements.add(new Element(ai, ai.isFixedLength() ? value : checkedVariable(ai, value, valueStart),
                    valueStart + 1));
            pos = next;
        }
        return elements;
    }

    private static String checkedVariable(ApplicationIdentifier ai, String value, int valueStart) {
        if (value.isEmpty()) {
            throw new InvalidBarcode(Problem.EMPTY_VALUE, ai.code(), valueStart + 1,
                    ai.label() + " at position " + (valueStart + 1) + " has no value");
        }
        if (value.length() > ai.maxLength()) {
            throw tooLong(ai, valueStart, value.length());
        }
        return value;
    }

    private static InvalidBarcode tooShort(ApplicationIdentifier ai, int valueStart, int length) {
        return new InvalidBarcode(Problem.TOO_SHORT, ai.code(), valueStart + 1, ai.label() + " at position "
                + (valueStart + 1) + " needs " + ai.fixedLength() + " characters, has " + length);
    }

    private static InvalidBarcode tooLong(ApplicationIdentifier ai, int valueStart, int length) {
        String hint = ai.isFixedLength() ? "" : " (a missing GS separator after it?)";
        return new InvalidBarcode(Problem.TOO_LONG, ai.code(), valueStart + 1, ai.label() + " at position "
                + (valueStart + 1) + " is " + length + " characters long, at most " + ai.maxLength() + " allowed" + hint);
    }

    private static InvalidBarcode unknownAi(String scan, int pos, int end) {
        return unknownAi(scan.substring(pos, Math.min(end, pos + 2)), pos + 1);
    }

    private static InvalidBarcode unknownAi(String code, int position) {
        return new InvalidBarcode(Problem.UNKNOWN_AI, code, position,
                "Unknown application identifier '" + printable(code) + "' at position " + position);
    }

    private static String printable(String text) {
        return text.replace(String.valueOf(GS), "<GS>");
    }

    private static int indexOf(String scan, char wanted, int from, int end) {
        for (int i = from; i < end; i++) {
            if (scan.charAt(i) == wanted) {
                return i;
            }
        }
        return end;
    }
}
