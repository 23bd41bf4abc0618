package com.invgov.engineering;

import java.math.BigDecimal;

/**
 * A line of the proposed revision: {@code quantity} of {@code component} in {@code uom} per base unit of the
 * product; {@code consumption} BACKFLUSH (issued at completion) or MANUAL.
 */
public record EcoLine(String component, BigDecimal quantity, String uom, String consumption) {
}
