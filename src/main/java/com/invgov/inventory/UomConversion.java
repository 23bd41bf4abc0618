package com.invgov.inventory;

import java.math.BigDecimal;

/** One {@code uom} holds {@code factor} base units ({@code BOX = 100 EA}). */
public record UomConversion(String uom, BigDecimal factor) {
}
