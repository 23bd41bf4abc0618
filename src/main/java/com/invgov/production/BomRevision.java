package com.invgov.production;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A revision of a product's bill of materials: {@code status} ACTIVE (orders may use it) or SUPERSEDED (replaced by a
 * later one; orders already open on it keep it).
 */
public record BomRevision(String product, String revision, String status, LocalDate effectiveFrom, List<Line> lines) {

    public static final String ACTIVE = "ACTIVE";
    public static final String SUPERSEDED = "SUPERSEDED";

    public BomRevision {
        lines = List.copyOf(lines);
    }

    /**
     * A line: {@code quantity} of {@code component} in {@code uom} per base unit of the product; {@code consumption}
     * BACKFLUSH (issued at completion) or MANUAL.
     */
    public record Line(int line, String component, BigDecimal quantity, String uom, String consumption) {
    }
}
