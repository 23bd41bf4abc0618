package com.invgov.production;

import java.util.List;

/**
 * What a recall did: the holds it placed (one per lot, or serial-numbered unit, in stock) and the shipments of the
 * recalled lots and serials.
 */
public record Recall(String sku, String lot, String reference, List<Held> holds, List<Trace.Shipment> shipments) {

    /** A hold of a lot ({@code serial} null) or of a serial-numbered unit ({@code lot} null). */
    public record Held(String sku, String lot, String serial, String holdId) {
    }
}
