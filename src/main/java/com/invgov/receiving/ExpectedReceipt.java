package com.invgov.receiving;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A PO line or ASN line: what a supplier is to deliver. {@code quantity} in {@code uom}; {@code received} and
 * {@code open} in the item's base UoM ({@code baseUom}). Overdue: due before today and still open.
 */
public record ExpectedReceipt(String po, int line, String supplier, String sku, BigDecimal quantity, String uom,
                              LocalDate dueDate, String warehouse, BigDecimal expectedBase, BigDecimal received,
                              BigDecimal open, String baseUom, boolean closed, boolean overdue) {
}
