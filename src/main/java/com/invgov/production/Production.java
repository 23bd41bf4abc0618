package com.invgov.production;

import com.invgov.api.Conflict;
import com.invgov.api.FieldProblem;
import com.invgov.api.NotFound;
import com.invgov.api.Transactions;
import com.invgov.api.ValidationFailed;
import com.invgov.inventory.Balance;
import com.invgov.inventory.Item;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Movement;
import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.Posting;
import com.invgov.inventory.Quantities;
import com.invgov.inventory.StockFilter;
import com.invgov.inventory.StockStatus;
import com.invgov.production.internal.ProductionStore;
import com.invgov.receiving.Receipt;
import com.invgov.receiving.Receiving;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Production orders with manual component ISSUE and PRODUCE (issue 6 point 6, without backflush and scrap), and
 * lot traceability over them (point 7).
 */
@Service
public class Production {

    static final String SOURCE = "production";
    private static final int MAX_DEPTH = 20;

    private final ProductionStore store;
    private final MasterData masterData;
    private final Ledger ledger;
    private final Receiving receiving;
    private final com.invgov.quality.QualityHolds holds;
    private final Transactions transactions;
    private final CurrentUser user;
    private final Clock clock;

    Production(ProductionStore store, MasterData masterData, Ledger ledger, Receiving receiving,
               com.invgov.quality.QualityHolds holds, Transactions transactions, CurrentUser user, Clock clock) {
        this.holds = holds;
        this.store = store;
        this.masterData = masterData;
        this.ledger = ledger;
        this.receiving = receiving;
        this.transactions = transactions;
        this.user = user;
        this.clock = clock;
    }

    /** PLANNER (or ADMIN) opens an order for an item against one of its BOM revisions. */
    public ProductionOrder create(String sku, String bomRevision, BigDecimal quantity) {
        user.requireAnyRole("open production orders", Role.PLANNER, Role.ADMIN);
        String actor = user.requireUsername();
        return transactions.inTransaction(() -> {
            List<FieldProblem> errors = new ArrayList<>();
            if (masterData.findItem(sku).isEmpty()) {
                errors.add(new FieldProblem("sku", "unknown item " + sku));
            } else if (!store.bomExists(sku, bomRevision)) {
                errors.add(new FieldProblem("bomRevision", "no BOM revision " + bomRevision + " of " + sku));
            }
            String q = Quantities.problem(quantity);
            if (q != null) {
                errors.add(new FieldProblem("quantity", q));
            }
            if (!errors.isEmpty()) {
                throw new ValidationFailed("The production order has invalid fields.", errors);
            }
            long id = store.insertOrder(sku, bomRevision, quantity, actor, clock.instant());
            return store.order(id, false).orElseThrow();
        });
    }

    /** Issues a component lot of the order's BOM from a location to consumption (ISSUE). */
    public ProductionOrder issue(String orderId, String sku, String lot, String serial, BigDecimal quantity,
                                 String uom, String location, String key) {
        user.requireAnyRole("report production", Role.OPERATOR, Role.INTEGRATION, Role.ADMIN);
        String actor = user.requireUsername();
        return transactions.inTransaction(() -> {
            ProductionOrder order = open(orderId);
            if (!store.onBom(order.sku(), order.bomRevision(), sku)) {
                throw new ValidationFailed("sku", sku + " is not on BOM revision " + order.bomRevision() + " of "
                        + order.sku());
            }
            Movement m = ledger.post(new MovementCommand(MovementType.ISSUE, sku, quantity, uom, lot, serial,
                    new Place(location, StockStatus.AVAILABLE), null, "MO-" + order.id(), null, null, SOURCE),
                    new Posting(actor, SOURCE, "mo-issue:" + key(key)));
            store.insertFlow(Long.parseLong(order.id()), "IN", sku, m.lot(), m.serial(), m.quantity(),
                    Long.parseLong(m.id()), clock.instant());
            return store.order(Long.parseLong(order.id()), false).orElseThrow();
        });
    }

    /** Reports produced quantity of a product lot into a location (PRODUCE); {@code complete} closes the order. */
    public ProductionOrder produce(String orderId, String lot, String serial, BigDecimal quantity, String uom,
                                   String location, boolean complete, String key) {
        user.requireAnyRole("report production", Role.OPERATOR, Role.INTEGRATION, Role.ADMIN);
        String actor = user.requireUsername();
        return transactions.inTransaction(() -> {
            ProductionOrder order = open(orderId);
            Movement m = ledger.post(new MovementCommand(MovementType.PRODUCE, order.sku(), quantity, uom, lot, serial,
                    null, new Place(location, StockStatus.AVAILABLE), "MO-" + order.id(), null, null, SOURCE),
                    new Posting(actor, SOURCE, "mo-produce:" + key(key)));
            long id = Long.parseLong(order.id());
            store.insertFlow(id, "OUT", order.sku(), m.lot(), m.serial(), m.quantity(), Long.parseLong(m.id()),
                    clock.instant());
            if (complete) {
                store.status(id, "COMPLETED");
            }
            return store.order(id, false).orElseThrow();
        });
    }

    @Transactional(readOnly = true)
    public ProductionOrder order(String id) {
        return store.order(parse(id), false).orElseThrow(() -> new NotFound("production order", id));
    }

    /** Upstream and downstream of a lot, for a recall. */
    @Transactional(readOnly = true)
    public Trace trace(String sku, String lot) {
        Item item = masterData.item(sku);
        List<Trace.Node> upstream = new ArrayList<>();
        walk(item.sku(), lot, 1, true, upstream, new HashSet<>());
        List<Trace.Node> downstream = new ArrayList<>();
        walk(item.sku(), lot, 1, false, downstream, new HashSet<>());
        List<String[]> lots = new ArrayList<>();
        lots.add(new String[] {sku, lot});
        downstream.forEach(n -> lots.add(new String[] {n.sku(), n.lot()}));
        List<Trace.Shipment> shipments = new ArrayList<>();
        List<Trace.Place> places = new ArrayList<>();
        for (String[] l : lots) {
            shipments.addAll(shipments(l[0], l[1]));
            for (Balance b : ledger.stockSlice(new StockFilter(l[0], null, null, null, l[1]), 0, 1000)) {
                places.add(new Trace.Place(b.sku(), b.lot(), b.location(), b.status().name(), b.quantity()));
            }
        }
        return new Trace(sku, lot, upstream, downstream, shipments, places, receipts(sku, lot));
    }

    /**
     * A recall (QUALITY): the lot and every lot made from it (genealogy, recursively) go on quality hold wherever
     * they are in stock; what was already shipped is listed for the customer notice.
     */
    public Recall recall(String sku, String lot, String reason) {
        user.requireAnyRole("recall lots", Role.QUALITY);
        if (reason == null || reason.isBlank()) {
            throw new ValidationFailed("reason", "required");
        }
        return transactions.inTransaction(() -> {
            Trace trace = trace(sku, lot);
            String reference = "RECALL-" + sku + "-" + lot;
            List<String[]> lots = new ArrayList<>();
            lots.add(new String[] {sku, lot});
            trace.downstream().stream().filter(n -> n.lot() != null)
                    .forEach(n -> lots.add(new String[] {n.sku(), n.lot()}));
            List<Recall.Held> held = new ArrayList<>();
            Set<String> done = new HashSet<>();
            for (String[] l : lots) {
                if (done.add(l[0] + "\u001f" + l[1])) {
                    holds.holdForRecall(l[0], l[1], reason, reference)
                            .ifPresent(h -> held.add(new Recall.Held(l[0], l[1], h.id())));
                }
            }
            return new Recall(sku, lot, reference, held, trace.shipments());
        });
    }

    private void walk(String sku, String lot, int depth, boolean up, List<Trace.Node> out, Set<String> seen) {
        if (depth > MAX_DEPTH || !seen.add(sku + "\u001f" + lot)) {
            return;
        }
        for (ProductionStore.Link link : up ? store.inputsOf(sku, lot) : store.outputsOf(sku, lot)) {
            out.add(new Trace.Node(link.sku(), link.lot().isEmpty() ? null : link.lot(), "MO-" + link.orderId(),
                    link.quantity(), depth, up ? receipts(link.sku(), link.lot()) : List.of()));
            if (!link.lot().isEmpty()) {
                walk(link.sku(), link.lot(), depth + 1, up, out, seen);
            }
        }
    }

    private List<Trace.ReceiptRef> receipts(String sku, String lot) {
        return receiving.receiptsOfLot(sku, lot).stream().map(r -> new Trace.ReceiptRef(r.id(), r.po(), r.line(),
                r.supplier(), r.quantity())).toList();
    }

    private List<Trace.Shipment> shipments(String sku, String lot) {
        List<Trace.Shipment> out = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            var movements = ledger.movements(sku, null, after, 1000);
            for (Movement m : movements.items()) {
                if (m.type() == MovementType.SHIP && lot.equals(m.lot())) {
                    out.add(new Trace.Shipment(m.sku(), m.lot(), m.id(), m.quantity(), m.reference(),
                            m.from().location(), m.eventTime()));
                }
            }
            if (movements.next() == null) {
                break;
            }
            after = movements.next();
        }
        return out;
    }

    private ProductionOrder open(String id) {
        ProductionOrder order = store.order(parse(id), true).orElseThrow(() -> new NotFound("production order", id));
        if (!"OPEN".equals(order.status())) {
            throw new Conflict("Production order " + id + " is " + order.status() + ".");
        }
        return order;
    }

    private static String key(String key) {
        return key == null ? UUID.randomUUID().toString() : key;
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound("production order", id);
        }
    }
}
