package com.invgov.inventory;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A posting or reservation wants AVAILABLE stock that is there, but held: on quality hold (QUARANTINE), in
 * INSPECTION or BLOCKED. 409 {@code stock-on-hold}, saying how much is held in which status.
 */
public class StockOnHold extends ApiProblem {

    public StockOnHold(String sku, String location, String lot, BigDecimal requested, BigDecimal available,
                       Map<StockStatus, BigDecimal> held) {
        super(ProblemType.STOCK_ON_HOLD, sku + " at " + location + (lot == null || lot.isEmpty() ? "" : " lot " + lot)
                + " is held " + held + " and cannot be issued, shipped or reserved: requested "
                + requested.toPlainString() + ", available " + available.toPlainString());
        with("sku", sku).with("location", location).with("lot", lot == null || lot.isEmpty() ? null : lot)
                .with("requested", requested).with("available", available).with("held", held);
    }
}
