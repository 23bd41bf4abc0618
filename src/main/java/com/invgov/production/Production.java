package com.invgov.production;

import com.invgov.api.Conflict;
import com.invgov.api.FieldProblem;
import com.invgov.api.NotFound;
import com.invgov.api.Transactions;
import com.invgov.api.ValidationFailed;
import com.invgov.inventory.Item;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Movement;
import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.Posting;
import com.invgov.inventory.Quantities;
import com.invgov.inventory.StockStatus;
import com.invgov.production.internal.ProductionProperties;
import com.invgov.production.internal.ProductionStore;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Production reporting (issue 6 point 6) and lot/serial traceability over it (point 7): production orders against a
 * BOM revision, manual component ISSUE, completions (PRODUCE) with or without backflush of the BOM lines marked
 * BACKFLUSH, scrap with a reason; every ISSUE/PRODUCE of an order records genealogy (component lots and serials →
 * product lots and serials).
 */
@Service
public class Production {

    static final String SOURCE = "production";

    private final ProductionStore store;
    private final MasterData masterData;
    private final Ledger ledger;
    private final com.invgov.quality.QualityHolds holds;
    private final Transactions transactions;
    private final CurrentUser user;
    private final Clock clock;
    private final Backflush backflush;
    private final Genealogy genealogy;
    private final List<String> scrapReasons;
    private final com.invgov.production.internal.BomStore bomStore;

    Production(ProductionStore store, MasterData masterData, Ledger ledger,
               com.invgov.quality.QualityHolds holds, Transactions transactions, CurrentUser user, Clock clock,
               Backflush backflush, Genealogy genealogy, ProductionProperties properties,
               com.invgov.production.internal.BomStore bomStore) {
        this.bomStore = bomStore;
        this.genealogy = genealogy;
        this.backflush = backflush;
        this.scrapReasons = List.copyOf(properties.scrapReasons());
        this.holds = holds;
        this.store = store;
        this.masterData = masterData;
        this.ledger = ledger;
        this.transactions = transactions;
        this.user = user;
        this.clock = clock;
    }

    /** PLANNER (or ADMIN) opens an order for an item against one of its BOM revisions. */
    public ProductionOrder create(String sku, String bomRevision, BigDecimal quantity) {
        return create(sku, bomRevision, quantity, null);
    }

    /**
     * PLANNER (or ADMIN) opens an order; {@code issueLocation} (optional) is where backflush takes components from,
     * else the PRODUCTION location of the warehouse a completion goes to.
     */
    public ProductionOrder create(String sku, String bomRevision, BigDecimal quantity, String issueLocation) {
        user.requireAnyRole("open production orders", Role.PLANNER, Role.ADMIN);
        String actor = user.requireUsername();
        return transactions.inTransaction(() -> {
            List<FieldProblem> errors = new ArrayList<>();
            Item item = masterData.findItem(sku).orElse(null);
            if (item == null) {
                errors.add(new FieldProblem("sku", "unknown item " + sku));
            } else {
                String status = store.bomStatus(sku, bomRevision).orElse(null);
                if (status == null) {
                    errors.add(new FieldProblem("bomRevision", "no BOM revision " + bomRevision + " of " + sku));
                } else if ("SUPERSEDED".equals(status)) {
                    errors.add(new FieldProblem("bomRevision", "BOM revision " + bomRevision + " of " + sku
                            + " is SUPERSEDED; current: " + String.join(", ", store.currentRevisions(sku))));
                }
            }
            String q = Quantities.problem(quantity);
            if (q != null) {
                errors.add(new FieldProblem("quantity", q));
            } else if (item != null && item.tracking() == com.invgov.inventory.Tracking.SERIAL
                    && quantity.stripTrailingZeros().scale() > 0) {
                errors.add(new FieldProblem("quantity", "whole units: " + sku + " is serial-tracked"));
            }
            String issueAt = issueLocation == null || issueLocation.isBlank() ? null : issueLocation.trim();
            if (issueAt != null && masterData.findLocation(issueAt).map(l -> l.isVirtual()).orElse(true)) {
                errors.add(new FieldProblem("issueLocation", "unknown or virtual location " + issueAt));
            }
            if (!errors.isEmpty()) {
                throw new ValidationFailed("The production order has invalid fields.", errors);
            }
            long id = store.insertOrder(sku, bomRevision, quantity, issueAt, actor, clock.instant());
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
                    Long.parseLong(m.id()), false, clock.instant());
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
            store.insertFlow(id, "OUT", order.sku(), m.lot(), m.serial(), m.quantity(), Long.parseLong(m.id()), false,
                    clock.instant());
            if (complete) {
                store.status(id, "COMPLETED");
            }
            return store.order(id, false).orElseThrow();
        });
    }

    /**
     * Reports a completion: PRODUCE of the quantity with its lot (or one PRODUCE per serial) and, with
     * {@code backflush}, an ISSUE of every BOM line marked BACKFLUSH for what the order's production so far calls for
     * beyond what it already consumed, from AVAILABLE stock of the backflush location, FEFO then FIFO — all in one
     * transaction: when any component is short, nothing is posted (409 insufficient-stock).
     */
    public ProductionOrder complete(String orderId, Completion completion, String key) {
        user.requireAnyRole("report production", Role.OPERATOR, Role.INTEGRATION, Role.ADMIN);
        String actor = user.requireUsername();
        String k = key(key);
        return transactions.inTransaction(() -> {
            ProductionOrder order = open(orderId);
            long id = Long.parseLong(order.id());
            BigDecimal produced = baseQuantity(order.sku(), completion);
            List<com.invgov.production.internal.BackflushPlan.Pick> picks = List.of();
            if (completion.backflush()) {
                String source = backflush.source(order, completion.location());
                picks = backflush.plan(order, order.produced().add(produced), source);
                for (int i = 0; i < picks.size(); i++) {
                    var pick = picks.get(i);
                    Item component = masterData.item(pick.sku());
                    Movement m = ledger.post(new MovementCommand(MovementType.ISSUE, pick.sku(), pick.quantity(),
                            component.baseUom(), pick.lot(), pick.serial(), new Place(source, StockStatus.AVAILABLE),
                            null, "MO-" + order.id(), null, null, SOURCE),
                            new Posting(actor, SOURCE, "mo-backflush:" + k + ":" + i));
                    store.insertFlow(id, "IN", pick.sku(), m.lot(), m.serial(), m.quantity(), Long.parseLong(m.id()),
                            true, clock.instant());
                }
            }
            List<String> serials = completion.serials().isEmpty() ? java.util.Collections.singletonList(null)
                    : completion.serials();
            for (int i = 0; i < serials.size(); i++) {
                BigDecimal quantity = serials.get(i) == null ? completion.quantity() : BigDecimal.ONE;
                String uom = serials.get(i) == null ? completion.uom() : masterData.item(order.sku()).baseUom();
                Movement m = ledger.post(new MovementCommand(MovementType.PRODUCE, order.sku(), quantity, uom,
                        completion.lot(), serials.get(i), null,
                        new Place(completion.location(), StockStatus.AVAILABLE), "MO-" + order.id(), null, null,
                        SOURCE), new Posting(actor, SOURCE, "mo-complete:" + k + ":" + i));
                store.insertFlow(id, "OUT", order.sku(), m.lot(), m.serial(), m.quantity(), Long.parseLong(m.id()),
                        false, clock.instant());
            }
            if (completion.complete()) {
                store.status(id, "COMPLETED");
            }
            return store.order(id, false).orElseThrow();
        });
    }

    /**
     * Reports scrap against an order (SCRAP from AVAILABLE stock, the order as reference): of the order's item or a
     * component of its BOM, with a reason of {@code invgov.production.scrap-reasons}.
     */
    public ProductionOrder scrap(String orderId, ScrapReport report, String key) {
        user.requireAnyRole("report scrap", Role.OPERATOR, Role.INTEGRATION, Role.ADMIN);
        String actor = user.requireUsername();
        if (report.reasonCode() == null || report.reasonCode().isBlank()) {
            throw new ValidationFailed("reasonCode", "required: one of " + scrapReasons);
        }
        if (!scrapReasons.contains(report.reasonCode())) {
            throw new ValidationFailed("reasonCode", "unknown scrap reason " + report.reasonCode() + ": one of "
                    + scrapReasons);
        }
        return transactions.inTransaction(() -> {
            long id = parse(orderId);
            ProductionOrder order = store.order(id, true).orElseThrow(() -> new NotFound("production order", orderId));
            if (report.sku() == null || !(report.sku().equals(order.sku())
                    || store.onBom(order.sku(), order.bomRevision(), report.sku()))) {
                throw new ValidationFailed("sku", report.sku() + " is neither " + order.sku()
                        + " nor on its BOM revision " + order.bomRevision());
            }
            Movement m = ledger.post(new MovementCommand(MovementType.SCRAP, report.sku(), report.quantity(),
                    report.uom(), report.lot(), report.serial(), new Place(report.location(), StockStatus.AVAILABLE),
                    null, "MO-" + order.id(), report.reasonCode(), null, SOURCE),
                    new Posting(actor, SOURCE, "mo-scrap:" + key(key)));
            store.insertScrap(id, m.sku(), m.lot(), m.serial(), m.quantity(), m.from().location(), report.reasonCode(),
                    Long.parseLong(m.id()), actor, clock.instant());
            return store.order(id, false).orElseThrow();
        });
    }

    /** Scrap rate by value over the last {@code days} days (UTC), today included: the dashboard's scrap-rate tile. */
    @Transactional(readOnly = true)
    public ScrapRate scrapRate(int days) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        java.time.LocalDate first = today.minusDays(days - 1L);
        List<ScrapRate.Day> active = store.dailyValues(first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                today.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).stream()
                .map(d -> new ScrapRate.Day(d.day(), d.produced(), d.scrapped(), null)).toList();
        return ScrapRate.of(first, days, active);
    }

    /** The reasons scrap may be reported with ({@code invgov.production.scrap-reasons}). */
    public List<String> scrapReasons() {
        return scrapReasons;
    }

    /** The statuses a production order has. */
    public static final List<String> STATUSES = List.of("OPEN", "COMPLETED");

    /** Orders, newest first, optionally of one status (OPEN, COMPLETED); at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ProductionOrder.Summary> orders(String status, int limit) {
        return store.orders(status(status), Long.MAX_VALUE, Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * A page of orders, newest first, optionally of one status (OPEN, COMPLETED; another is 400), after the cursor
     * {@code after} gave out.
     */
    @Transactional(readOnly = true)
    public com.invgov.api.Page<ProductionOrder.Summary> orders(String status, String after, int limit) {
        long before = com.invgov.api.Cursor.decodeLong(after, Long.MAX_VALUE);
        return com.invgov.api.Page.of(store.orders(status(status), before, limit + 1), limit,
                ProductionOrder.Summary::id);
    }

    private static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String s = status.trim().toUpperCase();
        if (!STATUSES.contains(s)) {
            throw com.invgov.api.ValidationFailed.badRequest("status must be one of " + STATUSES,
                    List.of(new FieldProblem("status", "one of " + STATUSES)));
        }
        return s;
    }

    @Transactional(readOnly = true)
    public ProductionOrder order(String id) {
        return store.order(parse(id), false).orElseThrow(() -> new NotFound("production order", id));
    }

    /**
     * The OPEN orders of a product, oldest first, with what they consumed so far (an engineering change's impact
     * analysis): every role reads them.
     */
    @Transactional(readOnly = true)
    public List<ProductionOrder> openOrders(String sku) {
        return bomStore.openOrderIds(sku).stream().map(id -> store.order(id, false).orElseThrow()).toList();
    }

    /** Upstream and downstream of a lot, for a recall. */
    @Transactional(readOnly = true)
    public Trace trace(String sku, String lot) {
        return genealogy.trace(sku, lot, null);
    }

    /** Upstream and downstream of a lot or of a serial (exactly one of them). */
    @Transactional(readOnly = true)
    public Trace trace(String sku, String lot, String serial) {
        return genealogy.trace(sku, lot, serial);
    }

    /**
     * A recall (QUALITY): the lot and every lot made from it (genealogy, recursively) go on quality hold wherever
     * they are in stock; what was already shipped is listed for the customer notice.
     */
    public Recall recall(String skuGiven, String lotGiven, String reason) {
        user.requireAnyRole("recall lots", Role.QUALITY);
        if (reason == null || reason.isBlank()) {
            throw new ValidationFailed("reason", "required");
        }
        // trimmed as a quality hold and the ledger keep them: " L1 " is lot L1
        String sku = skuGiven.trim();
        String lot = lotGiven.trim();
        return transactions.inTransaction(() -> {
            Trace trace = trace(sku, lot);
            String reference = "RECALL-" + sku + "-" + lot;
            // {sku, lot, serial}: a serial-numbered unit is held by its serial (as the genealogy follows it)
            List<String[]> units = new ArrayList<>();
            units.add(new String[] {sku, lot, null});
            trace.downstream().stream().filter(n -> n.lot() != null || n.serial() != null)
                    .forEach(n -> units.add(n.serial() != null ? new String[] {n.sku(), null, n.serial()}
                            : new String[] {n.sku(), n.lot(), null}));
            List<Recall.Held> held = new ArrayList<>();
            Set<String> done = new HashSet<>();
            for (String[] u : units) {
                if (done.add(u[0] + "\u001f" + u[1] + "\u001f" + u[2])) {
                    holds.holdForRecall(u[0], u[1], u[2], reason, reference)
                            .ifPresent(h -> held.add(new Recall.Held(u[0], u[1], u[2], h.id())));
                }
            }
            if (held.isEmpty()) {
                // as a quality hold that finds nothing: a recall that holds nothing is refused, not reported done
                throw new Conflict("Nothing to recall: no AVAILABLE, INSPECTION or BLOCKED stock of " + sku + " lot "
                        + lot + " or of anything made from it" + (trace.shipments().isEmpty() ? "."
                        : "; " + trace.shipments().size() + " shipment(s) of it are listed by GET /api/v1/trace."));
            }
            return new Recall(sku, lot, reference, held, trace.shipments());
        });
    }

    private ProductionOrder open(String id) {
        ProductionOrder order = store.order(parse(id), true).orElseThrow(() -> new NotFound("production order", id));
        if (!"OPEN".equals(order.status())) {
            throw new Conflict("Production order " + id + " is " + order.status() + ".");
        }
        return order;
    }

    /** The completion's quantity in the item's base UoM; a serial-numbered item completes one unit per serial. */
    private BigDecimal baseQuantity(String sku, Completion c) {
        Item item = masterData.item(sku);
        List<FieldProblem> errors = new ArrayList<>();
        String q = Quantities.problem(c.quantity());
        if (q != null) {
            errors.add(new FieldProblem("quantity", q));
        }
        if (c.location() == null || c.location().isBlank()) {
            errors.add(new FieldProblem("location", "required: where the produced quantity goes"));
        }
        BigDecimal factor = c.uom() == null ? null : item.factor(c.uom()).orElse(null);
        if (factor == null) {
            errors.add(new FieldProblem("uom", "unknown UoM " + c.uom() + " for " + sku + " (base " + item.baseUom()
                    + ")"));
        }
        if (!c.serials().isEmpty()) {
            if (new HashSet<>(c.serials()).size() != c.serials().size()
                    || c.serials().stream().anyMatch(s -> s == null || s.isBlank())) {
                errors.add(new FieldProblem("serials", "each serial once, none blank"));
            }
            if (q == null && factor != null
                    && c.quantity().multiply(factor).compareTo(BigDecimal.valueOf(c.serials().size())) != 0) {
                errors.add(new FieldProblem("quantity", "must equal the number of serials ("
                        + c.serials().size() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("The completion has invalid fields.", errors);
        }
        return c.quantity().multiply(factor);
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
