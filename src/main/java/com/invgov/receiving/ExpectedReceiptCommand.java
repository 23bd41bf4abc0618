package com.invgov.receiving;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An expected receipt to create or change (PUT /expected-receipts/{po}/{line}). */
public record ExpectedReceiptCommand(String po, int line, String supplier, String sku, BigDecimal quantity,
                                     String uom, LocalDate dueDate, String warehouse) {
}
