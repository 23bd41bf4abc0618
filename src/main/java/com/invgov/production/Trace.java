package com.invgov.production;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where a lot or a serial came from and where it went. {@code upstream}: component lots (or serials) that went into
 * it (recursively), each with the receipts that brought its lot in; {@code downstream}: product lots (or serials)
 * made from it (recursively); {@code shipments} and {@code locations}: of the lot or serial itself and of every
 * downstream one. Exactly one of {@code lot} and {@code serial} names what was traced.
 */
public record Trace(String sku, String lot, String serial, List<Node> upstream, List<Node> downstream,
                    List<Shipment> shipments, List<Place> locations, List<ReceiptRef> receipts) {

    /** A lot or serial linked through a production order; {@code depth} 1 = directly. */
    public record Node(String sku, String lot, String serial, String productionOrder, BigDecimal quantity, int depth,
                       List<ReceiptRef> receipts) {
    }

    public record ReceiptRef(String receiptId, String po, Integer line, String supplier, BigDecimal quantity) {
    }

    public record Shipment(String sku, String lot, String serial, String movementId, BigDecimal quantity,
                           String reference, String from, java.time.Instant at) {
    }

    public record Place(String sku, String lot, String serial, String location, String status, BigDecimal quantity) {
    }
}
