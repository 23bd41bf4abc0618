package com.invgov.receiving;

import com.invgov.receiving.Gs1ElementString.Element;
import com.invgov.receiving.InvalidBarcode.Problem;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/** Checks and converts the value of one element according to its identifier's kind. */
final class Gs1Values {

    /** GS1 character set 82 besides letters and digits. */
    private static final String CSET82_PUNCTUATION = "!\"%&'()*+,-./:;<=>?_";

    private Gs1Values() {
    }

    /** Throws when the value is not of its identifier's kind; for a {@code DATE}, returns nothing (see {@link #date}). */
    static void check(Element element, LocalDate today) {
        switch (element.ai().kind()) {
            case NUMBER -> digits(element);
            case CHECKED_NUMBER -> {
                digits(element);
                checkDigit(element);
            }
            case DATE -> date(element, today);
            case TEXT -> text(element);
        }
    }

    static int count(Element element) {
        digits(element);
        return Integer.parseInt(element.value());
    }

    /**
     * YYMMDD with the century of GS1 General Specifications 7.12: the year closest to {@code today} within the
     * window of 49 years ahead and 50 years back; day 00 is the last day of the month.
     */
    static LocalDate date(Element element, LocalDate today) {
        digits(element);
        String value = element.value();
        int yy = Integer.parseInt(value.substring(0, 2));
        int month = Integer.parseInt(value.substring(2, 4));
        int day = Integer.parseInt(value.substring(4, 6));
        int century = today.getYear() / 100 * 100;
        int difference = yy - today.getYear() % 100;
        if (difference >= 51) {
            century -= 100;
        } else if (difference <= -50) {
            century += 100;
        }
        try {
            YearMonth yearMonth = YearMonth.of(century + yy, month);
            return day == 0 ? yearMonth.atEndOfMonth() : yearMonth.atDay(day);
        } catch (DateTimeException e) {
            throw new InvalidBarcode(Problem.INVALID_DATE, element.ai().code(), element.position(),
                    element.ai().label() + " '" + value + "' at position " + element.position()
                            + " is not a date (YYMMDD)");
        }
    }

    private static void digits(Element element) {
        String value = element.value();
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                int position = element.position() + i;
                throw new InvalidBarcode(Problem.NOT_NUMERIC, element.ai().code(), position,
                        element.ai().label() + " must be digits, found '" + printable(value.charAt(i))
                                + "' at position " + position);
            }
        }
    }

    private static void checkDigit(Element element) {
        String value = element.value();
        int sum = 0;
        for (int i = value.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (value.charAt(i) - '0') * weight;
        }
        int expected = (10 - sum % 10) % 10;
        int found = value.charAt(value.length() - 1) - '0';
        if (found != expected) {
            int position = element.position() + value.length() - 1;
            throw new InvalidBarcode(Problem.WRONG_CHECK_DIGIT, element.ai().code(), position,
                    element.ai().label() + " " + value + " has check digit " + found + ", expected " + expected
                            + " (position " + position + ")");
        }
    }

    private static void text(Element element) {
        String value = element.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || CSET82_PUNCTUATION.indexOf(c) >= 0;
            if (!allowed) {
                int position = element.position() + i;
                throw new InvalidBarcode(Problem.INVALID_CHARACTER, element.ai().code(), position,
                        element.ai().label() + " may not contain '" + printable(c) + "' (position " + position + ")");
            }
        }
    }

    private static String printable(char c) {
        return c < 32 || c == 127 ? "\\u%04X".formatted((int) c) : String.valueOf(c);
    }
}
