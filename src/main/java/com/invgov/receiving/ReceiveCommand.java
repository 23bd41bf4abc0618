package com.invgov.receiving;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A receipt as entered at the dock: against an expected receipt ({@code po}, {@code line}); item, quantity in any
 * UoM of the item, lot/serial and expiry typed in, or read from a GS1-128 {@code scan} (fields typed in win over
 * an empty scan part, a conflict between them is refused). {@code unplanned} (PLANNER only) allows a receipt
 * without an expected receipt; then {@code supplier} and {@code warehouse} are required.
 */
public record ReceiveCommand(String po, Integer line, String sku, BigDecimal quantity, String uom, String lot,
                             String serial, LocalDate expiry, String scan, boolean unplanned, String supplier,
                             String warehouse) {
}
