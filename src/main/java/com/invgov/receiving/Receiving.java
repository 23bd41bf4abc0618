package com.invgov.receiving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.api.Conflict;
import com.invgov.api.Cursor;
import com.invgov.api.EventFeed;
import com.invgov.api.FieldProblem;
import com.invgov.api.NotFound;
import com.invgov.api.Page;
import com.invgov.api.Transactions;
import com.invgov.api.ValidationFailed;
import com.invgov.audit.AuditTrail;
import com.invgov.inventory.Item;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.Location;
import com.invgov.inventory.Lot;
import com.invgov.inventory.LocationType;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Movement;
import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.Posting;
import com.invgov.inventory.StockStatus;
import com.invgov.inventory.Supplier;
import com.invgov.inventory.SupplierStatus;
import com.invgov.workflow.ProcessStarter;
import com.invgov.receiving.internal.ReceivingStore;
import com.invgov.rules.RuleDecision;
import com.invgov.rules.RuleDecisions;
import com.invgov.rules.RuleSet;
import com.invgov.rules.model.ReceiptOutcome;
import com.invgov.rules.model.ReceiptToleranceDecision;
import com.invgov.rules.model.ReceiptToleranceFact;
import com.invgov.rules.model.ReceivingInspectionDecision;
import com.invgov.rules.model.ReceivingInspectionFact;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Receipts at the dock (DESIGN §4 {@code receiving}, §5.3): a receipt against an expected receipt posts RECEIPT into
 * the warehouse's RECEIVING location, in INSPECTION when {@code receiving-inspection} says so, else AVAILABLE; an
 * over-receipt beyond {@code receipt-tolerance} waits in INSPECTION for the approver roles the decision names (PLANNER)
 * before inspection or putaway; putaway posts PUTAWAY to a STOCK location (one is suggested).
 */
@Service
public class Receiving {

    /** DESIGN §7: post receipts. A PLANNER buys and approves over-receipts, and does not receive. */
    private static final Role[] RECEIVERS = {Role.OPERATOR, Role.INTEGRATION, Role.ADMIN};
    static final String SOURCE = "receiving";
    /** The BPMN process key (processes/receiving.bpmn); its business key is the receipt id. */
    public static final String PROCESS = "receiving";

    private final ReceivingStore store;
    private final MasterData masterData;
    private final Ledger ledger;
    private final RuleDecisions rules;
    private final EventFeed events;
    private final Transactions transactions;
    private final CurrentUser user;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final ProcessStarter processes;
    private final AuditTrail audit;

    Receiving(ReceivingStore store, MasterData masterData, Ledger ledger, RuleDecisions rules, EventFeed events,
              Transactions transactions, CurrentUser user, Clock clock, ApplicationEventPublisher publisher,
              ProcessStarter processes, AuditTrail audit) {
        this.audit = audit;
        this.processes = processes;
        this.store = store;
        this.masterData = masterData;
        this.ledger = ledger;
        this.rules = rules;
        this.events = events;
        this.transactions = transactions;
        this.user = user;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Posts a receipt for the signed-in user; {@code idempotencyKey} keeps a retried scan from posting twice. */
    public Receipt receive(ReceiveCommand command, String idempotencyKey) {
        user.requireAnyRole("receive goods", RECEIVERS);
        String actor = user.requireUsername();
        if (command.unplanned()) {
            user.requireAnyRole("allow a receipt without an expected receipt", Role.PLANNER, Role.ADMIN);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Gs1Barcode scan = null;
        if (command.scan() != null && !command.scan().isBlank()) {
            try {
                scan = Gs1Barcode.parse(command.scan(), today);
            } catch (InvalidBarcode e) {
                throw new BadScan(e);
            }
        }
        Gs1Barcode scanned = scan;
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<FieldProblem> errors = new ArrayList<>();
            ExpectedReceipt expected = null;
            if (command.po() != null || command.line() != null) {
                if (command.po() == null || command.line() == null) {
                    throw new ValidationFailed("po and line go together.", List.of(new FieldProblem(
                            command.po() == null ? "po" : "line", "required with " + (command.po() == null ? "line" : "po"))));
                }
                expected = store.expected(command.po(), command.line(), today, true).orElseThrow(() ->
                        new ValidationFailed("po", "no expected receipt " + command.po() + " line " + command.line()));
                if (expected.closed()) {
                    throw new Conflict("Expected receipt " + command.po() + " line " + command.line()
                            + " is complete; nothing more is expected.");
                }
            } else if (!command.unplanned()) {
                throw new ValidationFailed("A receipt needs an expected receipt (po and line); a PLANNER may allow "
                        + "one without (unplanned: true).", List.of(new FieldProblem("po", "required")));
            }
            String sku = pick("sku", command.sku(), expected == null ? null : expected.sku(), errors);
            // trimmed as the ledger keeps them, so the receipt and its lot's trace agree
            String lot = pick("lot", trim(command.lot()), scanned == null ? null : scanned.lot(), errors);
            String serial = pick("serial", trim(command.serial()), scanned == null ? null : scanned.serial(), errors);
            LocalDate expiry = pick("expiry", command.expiry(), scanned == null ? null : scanned.expiry(), errors);
            if (expiry != null && expiry.isBefore(today)) {
                // expired goods are not taken in: the dock refuses them and they go back with the carrier
                errors.add(new FieldProblem("expiry", "expired on " + expiry + ": expired goods are not received"));
            }
            BigDecimal quantity = command.quantity();
            if (quantity == null && scanned != null) {
                Integer count = scanned.itemCount() != null ? scanned.itemCount() : scanned.tradeItemCount();
                quantity = count == null ? null : BigDecimal.valueOf(count);
            }
            if (quantity == null && serial != null) {
                quantity = BigDecimal.ONE;
            }
            if (quantity == null) {
                errors.add(new FieldProblem("quantity", "required (typed in, or AI 30/37 in the scan)"));
            }
            String supplierCode = expected != null ? expected.supplier() : command.supplier();
            String warehouse = expected != null ? expected.warehouse() : command.warehouse();
            if (supplierCode == null) {
                errors.add(new FieldProblem("supplier", "required without an expected receipt"));
            }
            if (warehouse == null) {
                errors.add(new FieldProblem("warehouse", "required without an expected receipt"));
            }
            if (sku == null && errors.stream().noneMatch(e -> e.field().equals("sku"))) {
                errors.add(new FieldProblem("sku", "required"));
            }
            Item item = sku == null ? null : masterData.findItem(sku).orElse(null);
            if (sku != null && item == null) {
                errors.add(new FieldProblem("sku", "unknown item " + sku));
            }
            Supplier supplier = null;
            if (supplierCode != null) {
                try {
                    supplier = masterData.supplier(supplierCode);
                } catch (NotFound e) {
                    errors.add(new FieldProblem("supplier", "unknown supplier " + supplierCode));
                }
            }
            String location = warehouse == null ? null : store.receivingLocation(warehouse).orElse(null);
            if (warehouse != null && location == null) {
                errors.add(new FieldProblem("warehouse", "no RECEIVING location in warehouse " + warehouse));
            }
            String uom = command.uom() != null ? command.uom() : item == null ? null : item.baseUom();
            BigDecimal base = null;
            if (item != null && quantity != null) {
                Optional<BigDecimal> factor = item.factor(uom);
                if (factor.isEmpty()) {
                    errors.add(new FieldProblem("uom", "unknown UoM " + uom + " for " + item.sku()));
                } else {
                    base = quantity.multiply(factor.get());
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationFailed("The receipt has invalid fields.", errors);
            }
            LocalDate lotExpiry = lot == null ? null : ledger.lockLot(sku, lot).map(Lot::expiresOn).orElse(null);
            boolean newLot = lot != null && lotExpiry == null;
            if (expiry != null && lotExpiry != null && !expiry.equals(lotExpiry)) {
                throw new Conflict("Lot " + lot + " of " + sku + " expires on " + lotExpiry + "; this receipt says "
                        + expiry + ". One lot has one expiry: check the label, or receive it as another lot.");
            }
            String subject = "receipt:" + (expected == null ? "unplanned" : expected.po() + "/" + expected.line());
            RuleDecision<ReceivingInspectionDecision> inspection = rules.decide(RuleSet.RECEIVING_INSPECTION, subject,
                    new ReceivingInspectionFact(item.regulated(), supplier.status() == SupplierStatus.PROBATION,
                            store.previousReceipts(sku, supplierCode),
                            store.receiptsSinceLastInspection(sku, supplierCode)));
            RuleDecision<ReceiptToleranceDecision> tolerance = null;
            if (expected != null) {
                tolerance = rules.decide(RuleSet.RECEIPT_TOLERANCE, subject,
                        ReceiptToleranceFact.of(expected.expectedBase(), expected.received().add(base)));
            }
            boolean inspect = inspection.decision().inspect();
            boolean over = tolerance != null && tolerance.decision().outcome() == ReceiptOutcome.OVER_RECEIPT;
            // an over-receipt is not accepted until the buyer says so: it waits in INSPECTION, which nothing can
            // ship, issue, reserve or move, so a rejection can always send it back
            StockStatus status = inspect || over ? StockStatus.INSPECTION : StockStatus.AVAILABLE;
            String reference = expected == null ? "UNPLANNED" : expected.po() + "/" + expected.line();
            String key = "receipt:" + (idempotencyKey == null ? UUID.randomUUID() : idempotencyKey);
            Movement movement = ledger.post(new MovementCommand(MovementType.RECEIPT, sku, quantity, uom, lot, serial,
                    null, new Place(location, status), reference, null, null, SOURCE), new Posting(actor, SOURCE, key));
            if (expiry != null && newLot) {
                ledger.recordLotExpiry(sku, lot, expiry);
            }
            if (expected != null) {
                store.addReceived(expected.po(), expected.line(), movement.quantity(), expected.expectedBase(), now);
            }
            long id = store.insert(new ReceivingStore.NewReceipt(expected == null ? null : expected.po(),
                    expected == null ? null : expected.line(), supplierCode, sku, movement.quantity(), quantity, uom,
                    lot, serial, expiry, location, status.name(), inspect, inspection.decision().reason().name(),
                    inspection.version(), tolerance == null ? null : tolerance.decision().outcome().name(),
                    tolerance == null ? null : tolerance.version(), over ? "PENDING" : "NONE",
                    Long.parseLong(movement.id()), actor, now, expected == null,
                    over ? String.join(",", tolerance.decision().approverRoles()) : null));
            processes.start(PROCESS, String.valueOf(id), Map.of("receiptId", String.valueOf(id)));
            Receipt receipt = store.receipt(id, false).orElseThrow();
            events.append("ReceiptPosted", "receipt", receipt.id(), receipt);
            publisher.publishEvent(new ReceiptPosted(receipt.id(), receipt.state()));
            return receipt;
        });
    }

    /**
     * One of the roles the {@code receipt-tolerance} decision named (a PLANNER by default) approves (inspection or
     * putaway may follow) or rejects (the receipt goes back to the supplier) an over-receipt; whoever received it
     * may not (segregation of duties). Its stock waited in INSPECTION; approved without an inspection to come, it
     * becomes AVAILABLE. Stock that QUALITY put on hold meanwhile is the hold's: 409 until it is dispositioned.
     */
    public Receipt decideOverReceipt(String id, boolean approved) {
        String actor = user.requireUsername();
        return transactions.inTransaction(() -> {
            Receipt r = forUpdate(id);
            user.requireAnyRole("approve over-receipts", approvers(r));
            if (!"AWAITING_APPROVAL".equals(r.state())) {
                throw new Conflict("Receipt " + id + " is " + r.state() + ", not AWAITING_APPROVAL.");
            }
            overReceiptRefusal(r, actor).ifPresent(p -> {
                throw p;
            });
            StockStatus at = StockStatus.valueOf(r.status());
            BigDecimal there = ledger.balanceAsOf(r.sku(), r.location(), r.lot(), at, clock.instant());
            if (there.compareTo(r.quantity()) < 0 && ledger.balanceAsOf(r.sku(), r.location(), r.lot(),
                    StockStatus.QUARANTINE, clock.instant()).signum() > 0) {
                // DESIGN §5.4: held stock is QUALITY's to release, scrap or return (RETURN_TO_VENDOR is a disposition)
                throw new Conflict("Receipt " + id + ": its stock at " + r.location() + " is on quality hold "
                        + "(QUARANTINE). QUALITY must disposition or release the hold before the over-receipt can be "
                        + (approved ? "approved." : "rejected."));
            }
            store.approval(Long.parseLong(id), approved ? "APPROVED" : "REJECTED", actor);
            boolean inspect = "INSPECT".equals(r.inspection().outcome());
            if (approved && !inspect && at == StockStatus.INSPECTION) {
                ledger.post(new MovementCommand(MovementType.STATUS_CHANGE, r.sku(), r.quantity(), r.uom(), r.lot(),
                        r.serial(), new Place(r.location(), StockStatus.INSPECTION),
                        new Place(r.location(), StockStatus.AVAILABLE), receiptRef(r), null, null, SOURCE),
                        new Posting(actor, SOURCE, "receipt-approval:" + id));
                store.status(Long.parseLong(id), StockStatus.AVAILABLE.name());
            }
            if (!approved) {
                ledger.post(new MovementCommand(MovementType.RETURN_TO_VENDOR, r.sku(), r.quantity(), r.uom(), r.lot(),
                        r.serial(), new Place(r.location(), at), null, receiptRef(r),
                        null, null, SOURCE), new Posting(actor, SOURCE, "receipt-reject:" + id));
                if (r.po() != null) {
                    store.expected(r.po(), r.line(), LocalDate.now(clock.withZone(ZoneOffset.UTC)), true)
                            .ifPresent(e -> store.addReceived(r.po(), r.line(), r.quantity().negate(),
                                    e.expectedBase(), clock.instant()));
                }
            }
            processes.complete(PROCESS, id, "approveOverReceipt", actor, Map.of("approved", approved));
            Receipt decided = changed(id, approved ? "OverReceiptApproved" : "OverReceiptRejected");
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("state", decided.state());
            after.put("status", decided.status());
            after.put("approved", approved);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("state", r.state());
            before.put("status", r.status());
            before.put("quantity", r.quantity());
            before.put("uom", r.uom());
            audit.record(approved ? "OVER_RECEIPT_APPROVED" : "OVER_RECEIPT_REJECTED", "receipt", id, before, after,
                    null);
            return decided;
        });
    }

    /** Reads the checks' JSON this class wrote itself (strings and booleans: no application settings needed). */
    private static final ObjectMapper CHECKS = new ObjectMapper();

    private static JsonNode readTree(String json) {
        try {
            return CHECKS.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why {@code username} may not decide this over-receipt: they received it (segregation of duties). */
    public Optional<com.invgov.api.ApiProblem> overReceiptRefusal(Receipt r, String username) {
        return username.equals(r.receivedBy())
                ? Optional.of(new com.invgov.api.ApiProblem(com.invgov.api.ProblemType.SEGREGATION_OF_DUTIES,
                        username + " received receipt " + r.id()
                        + " and may not approve or reject its over-receipt."))
                : Optional.empty();
    }

    /** The roles that decide an over-receipt: those its receipt-tolerance decision named, else PLANNER. */
    private static Role[] approvers(Receipt r) {
        return r.approverRoles().isEmpty() ? new Role[] {Role.PLANNER}
                : r.approverRoles().stream().map(Role::valueOf).toArray(Role[]::new);
    }

    /** The inspection checklist for the receipt's item category (the default one when the category has none). */
    @Transactional(readOnly = true)
    public List<InspectionCheck> checklist(String id) {
        return store.checklist(receipt(id).sku());
    }

    /**
     * QUALITY records the inspection: with {@code checks}, every check of the item's checklist must be given (a
     * pass/fail check with {@code passed}, a measured one with {@code value}) and the result is passed when all
     * pass; {@code passed}, when also given, must agree. Passed → STATUS_CHANGE INSPECTION → AVAILABLE and putaway;
     * failed → the process puts the received lot at the receiving location on quality hold (QUARANTINE).
     */
    public Receipt recordInspection(String id, Boolean passedGiven, List<CheckResult> checks) {
        user.requireAnyRole("record inspections", Role.QUALITY);
        String actor = user.requireUsername();
        return transactions.inTransaction(() -> {
            Receipt r = forUpdate(id);
            if (!"AWAITING_INSPECTION".equals(r.state())) {
                throw new Conflict("Receipt " + id + " is " + r.state() + ", not AWAITING_INSPECTION.");
            }
            Boolean result = passedGiven;
            String checksJson = null;
            if (checks != null && !checks.isEmpty()) {
                List<FieldProblem> errors = new ArrayList<>();
                boolean all = true;
                StringBuilder json = new StringBuilder("[");
                List<InspectionCheck> checklist = store.checklist(r.sku());
                checks.stream().collect(java.util.stream.Collectors.groupingBy(CheckResult::name,
                                java.util.LinkedHashMap::new, java.util.stream.Collectors.counting()))
                        .forEach((name, n) -> {
                            if (n > 1) {
                                errors.add(new FieldProblem("checks", name + ": given " + n + " times; give each "
                                        + "check once"));
                            }
                        });
                for (InspectionCheck c : checklist) {
                    CheckResult given = checks.stream().filter(g -> c.name().equals(g.name())).findFirst().orElse(null);
                    boolean ok;
                    if (given == null) {
                        errors.add(new FieldProblem("checks", "missing check: " + c.name()));
                        continue;
                    } else if (c.measured()) {
                        if (given.value() == null) {
                            errors.add(new FieldProblem("checks", c.name() + ": a measured value in " + c.unit()
                                    + " is required"));
                            continue;
                        }
                        ok = c.within(given.value());
                    } else {
                        if (given.passed() == null) {
                            errors.add(new FieldProblem("checks", c.name() + ": passed true or false is required"));
                            continue;
                        }
                        ok = given.passed();
                    }
                    all &= ok;
                    json.append(json.length() > 1 ? "," : "").append("{\"name\":\"").append(c.name().replace("\"", ""))
                            .append("\",\"passed\":").append(ok)
                            .append(given.value() == null ? "" : ",\"value\":" + given.value().toPlainString())
                            .append("}");
                }
                checks.stream().filter(g -> checklist.stream().noneMatch(c -> c.name().equals(g.name())))
                        .forEach(g -> errors.add(new FieldProblem("checks", "not on the checklist: " + g.name())));
                if (passedGiven != null && passedGiven != all && errors.isEmpty()) {
                    errors.add(new FieldProblem("passed", "contradicts the checks, which " + (all ? "all pass" : "fail")));
                }
                if (!errors.isEmpty()) {
                    throw new ValidationFailed("The inspection's checks are incomplete or wrong.", errors);
                }
                result = all;
                checksJson = json.append("]").toString();
            }
            if (result == null) {
                throw new ValidationFailed("passed", "required without checks");
            }
            boolean passed = result;
            store.inspected(Long.parseLong(id), passed ? "PASSED" : "FAILED", actor, checksJson);
            if (passed) {
                ledger.post(new MovementCommand(MovementType.STATUS_CHANGE, r.sku(), r.quantity(), r.uom(), r.lot(),
                        r.serial(), new Place(r.location(), StockStatus.INSPECTION),
                        new Place(r.location(), StockStatus.AVAILABLE), receiptRef(r), null, null, SOURCE),
                        new Posting(actor, SOURCE, "receipt-inspection:" + id));
            }
            // where its stock is now: released, or (by the process's hold step below) in QUARANTINE
            store.status(Long.parseLong(id), (passed ? StockStatus.AVAILABLE : StockStatus.QUARANTINE).name());
            processes.complete(PROCESS, id, "inspect", actor, Map.of("passed", passed, "inspectedBy", actor));
            Receipt inspected = changed(id, passed ? "InspectionPassed" : "InspectionFailed");
            // QUALITY's acceptance or rejection of the goods is a person's decision (DESIGN §7)
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("state", r.state());
            before.put("status", r.status());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("state", inspected.state());
            after.put("status", inspected.status());
            after.put("passed", passed);
            after.put("checks", checksJson == null ? null : readTree(checksJson));
            audit.record(passed ? "INSPECTION_PASSED" : "INSPECTION_FAILED", "receipt", id, before, after, null);
            return inspected;
        });
    }

    /** OPERATOR, INTEGRATION or ADMIN puts the receipt away: PUTAWAY from the receiving location to {@code location} (null: suggested). */
    public Receipt putAway(String id, String location) {
        user.requireAnyRole("put away", RECEIVERS);
        String actor = user.requireUsername();
        return transactions.inTransaction(() -> {
            Receipt r = forUpdate(id);
            if (!"READY_FOR_PUTAWAY".equals(r.state())) {
                String why = "AWAITING_APPROVAL".equals(r.state())
                        ? " The over-receipt waits for approval (" + java.util.Arrays.stream(approvers(r))
                        .map(Role::name).collect(java.util.stream.Collectors.joining(", ")) + ") before putaway." : "";
                throw new Conflict("Receipt " + id + " is " + r.state() + ", not READY_FOR_PUTAWAY." + why);
            }
            String warehouse = store.warehouseOf(r.location()).orElseThrow();
            String target = location != null ? location : store.suggestPutaway(warehouse, r.sku()).orElseThrow(() ->
                    new ValidationFailed("location", "no STOCK location to suggest in " + warehouse + "; name one"));
            Location to = masterData.findLocation(target).orElseThrow(() ->
                    new ValidationFailed("location", "unknown location " + target));
            // stock put away is AVAILABLE: it goes where available stock is kept (STOCK, or STAGING for cross-docking),
            // not into a scrap area, a line, transit or shipping
            if (!Objects.equals(to.warehouse(), warehouse)
                    || (to.type() != LocationType.STOCK && to.type() != LocationType.STAGING)) {
                throw new ValidationFailed("location", "not a storage location of warehouse " + warehouse
                        + " (STOCK or STAGING)");
            }
            ledger.post(new MovementCommand(MovementType.PUTAWAY, r.sku(), r.quantity(), r.uom(), r.lot(), r.serial(),
                    new Place(r.location(), StockStatus.AVAILABLE), new Place(target, StockStatus.AVAILABLE),
                    receiptRef(r), null, null, SOURCE), new Posting(actor, SOURCE, "receipt-putaway:" + id));
            store.putAway(Long.parseLong(id), target, actor);
            processes.complete(PROCESS, id, "putaway", actor, Map.of("location", target));
            return changed(id, "ReceiptPutAway");
        });
    }

    /** Where putaway should go: a STOCK location already holding the item, else an empty one. */
    @Transactional(readOnly = true)
    public Optional<String> suggestedLocation(String id) {
        Receipt r = receipt(id);
        return store.warehouseOf(r.location()).flatMap(w -> store.suggestPutaway(w, r.sku()));
    }

    /** Receipts waiting for incoming inspection (the open {@code inspect} tasks), oldest first. */
    @Transactional(readOnly = true)
    public List<Receipt> awaitingInspection(int limit) {
        return store.awaitingInspection(limit);
    }

    /** The receipts that brought in a lot of an item (traceability). */
    @Transactional(readOnly = true)
    public List<Receipt> receiptsOfLot(String sku, String lot) {
        return store.receiptsOfLot(sku, lot);
    }

    @Transactional(readOnly = true)
    public Receipt receipt(String id) {
        return store.receipt(parse(id), false).orElseThrow(() -> new NotFound("receipt", id));
    }

    /** The states a receipt passes through (see {@link Receipt}). */
    public static final List<String> STATES = List.of("AWAITING_APPROVAL", "AWAITING_INSPECTION", "READY_FOR_PUTAWAY",
            "PUT_AWAY", "ON_HOLD", "REJECTED");

    /** Receipts, oldest first, optionally of one PO and one state (another state is 400). */
    @Transactional(readOnly = true)
    public Page<Receipt> receipts(String po, String state, String after, int limit) {
        if (state != null && !STATES.contains(state)) {
            throw ValidationFailed.badRequest("state must be one of " + STATES,
                    List.of(new FieldProblem("state", "one of " + STATES)));
        }
        return Page.of(store.receipts(po, state, Cursor.decodeLong(after, 0), limit + 1), limit, Receipt::id);
    }

    private Receipt forUpdate(String id) {
        return store.receipt(parse(id), true).orElseThrow(() -> new NotFound("receipt", id));
    }

    private Receipt changed(String id, String event) {
        Receipt receipt = store.receipt(Long.parseLong(id), false).orElseThrow();
        events.append(event, "receipt", id, receipt);
        publisher.publishEvent(new ReceiptPosted(receipt.id(), receipt.state()));
        return receipt;
    }

    private static String receiptRef(Receipt r) {
        return r.po() == null ? "RCPT-" + r.id() : r.po() + "/" + r.line();
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound("receipt", id);
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static <T> T pick(String field, T typed, T other, List<FieldProblem> errors) {
        if (typed instanceof String s && s.isBlank()) {
            typed = null;
        }
        if (typed != null && other != null && !typed.equals(other)) {
            errors.add(new FieldProblem(field, "entered " + typed + " but the "
                    + ("sku".equals(field) ? "expected receipt says " : "scan says ") + other));
            return typed;
        }
        return typed != null ? typed : other;
    }
}
