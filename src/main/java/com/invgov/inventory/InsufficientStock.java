package com.invgov.inventory;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;

import java.math.BigDecimal;

/** A posting or reservation would take more than there is (invariants 2 and 3): 409 {@code insufficient-stock}. */
public class InsufficientStock extends ApiProblem {

    public InsufficientStock(String sku, String location, String lot, StockStatus status, BigDecimal requested,
                             BigDecimal available) {
        super(ProblemType.INSUFFICIENT_STOCK, "Not enough " + sku + " at " + location
                + (lot == null || lot.isEmpty() ? "" : " lot " + lot) + " (" + status + "): requested "
                + requested.toPlainString() + ", available " + available.toPlainString());
        with("sku", sku).with("location", location).with("lot", lot == null || lot.isEmpty() ? null : lot)
                .with("status", status).with("requested", requested).with("available", available);
    }
}
