package com.invgov.receiving;

import com.invgov.receiving.Gs1ElementString.Element;
import com.invgov.receiving.InvalidBarcode.Problem;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a GS1-128 scan at the dock says (GS1 General Specifications, section 3). Every field is {@code null} when its
 * application identifier is not in the scan.
 *
 * @param gtin           AI 01, the GTIN-14 of the trade item, check digit verified
 * @param containedGtin  AI 02, the GTIN of the trade items inside a logistic unit (goes with {@code tradeItemCount})
 * @param lot            AI 10, batch or lot
 * @param expiry         AI 17, expiry date (YYMMDD; day 00 is read as the last day of the month)
 * @param serial         AI 21, serial number
 * @param itemCount      AI 30, count of items (variable measure trade items)
 * @param tradeItemCount AI 37, count of trade items in a logistic unit
 * @param otherElements  the other known elements of the label (SSCC, weights, other dates...), by identifier, checked
 *                       but not interpreted
 */
public record Gs1Barcode(String gtin, String containedGtin, String lot, LocalDate expiry, String serial,
                         Integer itemCount, Integer tradeItemCount, Map<String, String> otherElements) {

    private static final Set<String> NAMED = Set.of("01", "02", "10", "17", "21", "30", "37");

    public Gs1Barcode {
        otherElements = Collections.unmodifiableMap(new LinkedHashMap<>(otherElements));
    }

    /**
     * Reads a scan: raw scanner output (FNC1 as the GS character, ASCII 29, optionally behind {@code ]C1}) or the
     * human-readable form {@code (01)09501101020917(17)261231(10)ABC123}.
     *
     * @param today the day of the scan, which decides the century of two-digit years
     * @throws InvalidBarcode naming the part that is wrong, its application identifier and position
     */
    public static Gs1Barcode parse(String scan, LocalDate today) {
        var values = new LinkedHashMap<String, Element>();
        for (Element element : Gs1ElementString.split(scan)) {
            Element earlier = values.putIfAbsent(element.ai().code(), element);
            if (earlier != null) {
                throw new InvalidBarcode(Problem.DUPLICATE_AI, element.ai().code(), element.position(),
                        element.ai().label() + " appears twice: its value at position " + element.position()
                                + " repeats the one at position " + earlier.position());
            }
            Gs1Values.check(element, today);
        }
        var others = new LinkedHashMap<String, String>();
        values.forEach((code, element) -> {
            if (!NAMED.contains(code)) {
                others.put(code, element.value());
            }
        });
        return new Gs1Barcode(value(values, "01"), value(values, "02"), value(values, "10"),
                values.containsKey("17") ? Gs1Values.date(values.get("17"), today) : null,
                value(values, "21"),
                values.containsKey("30") ? Gs1Values.count(values.get("30")) : null,
                values.containsKey("37") ? Gs1Values.count(values.get("37")) : null,
                others);
    }

    /** The element string in its human-readable form, identifiers in ascending order. */
    public String humanReadable() {
        var elements = new TreeMap<>(otherElements);
        put(elements, "01", gtin);
        put(elements, "02", containedGtin);
        put(elements, "10", lot);
        put(elements, "17", expiry == null ? null : "%02d%02d%02d".formatted(
                expiry.getYear() % 100, expiry.getMonthValue(), expiry.getDayOfMonth()));
        put(elements, "21", serial);
        put(elements, "30", itemCount == null ? null : itemCount.toString());
        put(elements, "37", tradeItemCount == null ? null : tradeItemCount.toString());
        var text = new StringBuilder();
        elements.forEach((code, value) -> text.append('(').append(code).append(')').append(value));
        return text.toString();
    }

    private static void put(Map<String, String> elements, String code, String value) {
        if (value != null) {
            elements.put(code, value);
        }
    }

    private static String value(Map<String, Element> values, String code) {
        Element element = values.get(code);
        return element == null ? null : element.value();
    }
}
