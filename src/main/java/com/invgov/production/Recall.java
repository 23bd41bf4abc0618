package com.invgov.production;

import java.util.List;

/** What a recall did: the holds it placed (one per lot in stock) and the shipments of the recalled lots. */
public record Recall(String sku, String lot, String reference, List<Held> holds, List<Trace.Shipment> shipments) {

    public record Held(String sku, String lot, String holdId) {
    }
}
