package com.invgov.inventory;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;

import java.math.BigDecimal;

/**
 * A posting or reservation would take more than there is (invariants 2 and 3): 409 {@code insufficient-stock}, with
 * the balance's {@code sku, location, lot, stockStatus} (and {@code serial} for a serial that is not there).
 */
public class InsufficientStock extends ApiProblem {

    public InsufficientStock(String sku, String location, String lot, StockStatus status, BigDecimal requested,
                             BigDecimal available) {
        super(ProblemType.INSUFFICIENT_STOCK, "Not enough " + sku + " at " + location
                + (lot == null || lot.isEmpty() ? "" : " lot " + lot) + " (" + status + "): requested "
                + requested.toPlainString() + ", available " + available.toPlainString());
        with("sku", sku).with("location", location).with("lot", lot == null || lot.isEmpty() ? null : lot)
                .with("stockStatus", status).with("requested", requested).with("available", available);
    }

    /** A serial that is not at {@code location} in {@code status}. */
    public static InsufficientStock serial(String sku, String location, String serial, StockStatus status) {
        return new InsufficientStock(sku, location, serial, status);
    }

    private InsufficientStock(String sku, String location, String serial, StockStatus status) {
        super(ProblemType.INSUFFICIENT_STOCK, "Serial " + serial + " of " + sku + " is not at " + location + " ("
                + status + ")");
        with("sku", sku).with("location", location).with("serial", serial).with("stockStatus", status)
                .with("requested", BigDecimal.ONE).with("available", BigDecimal.ZERO);
    }
}
