package com.invgov.production;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where a lot came from and where it went. {@code upstream}: component lots that went into it (recursively), each
 * with the receipts that brought it in; {@code downstream}: product lots made from it (recursively);
 * {@code shipments} and {@code locations}: of the lot itself and of every downstream lot.
 */
public record Trace(String sku, String lot, List<Node> upstream, List<Node> downstream, List<Shipment> shipments,
                    List<Place> locations, List<ReceiptRef> receipts) {

    /** A lot linked through a production order; {@code depth} 1 = directly. */
    public record Node(String sku, String lot, String productionOrder, BigDecimal quantity, int depth,
                       List<ReceiptRef> receipts) {
    }

    public record ReceiptRef(String receiptId, String po, Integer line, String supplier, BigDecimal quantity) {
    }

    public record Shipment(String sku, String lot, String movementId, BigDecimal quantity, String reference,
                           String from, java.time.Instant at) {
    }

    public record Place(String sku, String lot, String location, String status, BigDecimal quantity) {
    }
}
