package com.invgov.production;

import java.math.BigDecimal;
import java.util.List;

/**
 * A completion report: {@code quantity} of the order's item in {@code uom}, with its {@code lot} or, for a
 * serial-numbered item, its {@code serials} (one unit each), put into {@code location}. {@code backflush}: consume
 * the BOM lines marked BACKFLUSH in the same transaction; {@code complete}: close the order.
 */
public record Completion(BigDecimal quantity, String uom, String lot, List<String> serials, String location,
                         boolean backflush, boolean complete) {

    public Completion {
        serials = serials == null ? List.of() : List.copyOf(serials);
    }
}
