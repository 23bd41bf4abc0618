package com.invgov.quality;

import com.invgov.api.Conflict;
import com.invgov.api.Cursor;
import com.invgov.api.EventFeed;
import com.invgov.api.FieldProblem;
import com.invgov.api.NotFound;
import com.invgov.api.Page;
import com.invgov.api.Transactions;
import com.invgov.api.ValidationFailed;
import com.invgov.audit.AuditTrail;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.Movement;
import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.Posting;
import com.invgov.inventory.Quantities;
import com.invgov.inventory.Reservations;
import com.invgov.inventory.StockStatus;
import com.invgov.quality.internal.QualityStore;
import com.invgov.rules.RuleDecision;
import com.invgov.rules.RuleDecisions;
import com.invgov.rules.RuleSet;
import com.invgov.rules.model.Disposition;
import com.invgov.rules.model.QualityDispositionDecision;
import com.invgov.rules.model.QualityDispositionFact;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.invgov.workflow.ProcessStarter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quality holds (DESIGN §4 quality-hold): held stock goes to QUARANTINE by STATUS_CHANGE where it is, its
 * reservations are released, and the ledger refuses to reserve, issue or ship it ({@code stock-on-hold}). QUALITY
 * disposes of it in partial quantities; {@code quality-disposition} decides whether the MRB (QUALITY +
 * INVENTORY_CONTROLLER) approves first; then the disposition is posted.
 */
@Service
public class QualityHolds {

    static final String SOURCE = "quality";
    /** The BPMN process key (processes/quality-hold.bpmn); its business key is the hold id. */
    public static final String PROCESS = "quality-hold";

    private final QualityStore store;
    private final Ledger ledger;
    private final Reservations reservations;
    private final RuleDecisions rules;
    private final EventFeed events;
    private final Transactions transactions;
    private final CurrentUser user;
    private final Clock clock;
    private final ProcessStarter processes;
    private final org.springframework.transaction.PlatformTransactionManager transactionManager;
    private final AuditTrail audit;

    QualityHolds(QualityStore store, Ledger ledger, Reservations reservations, RuleDecisions rules, EventFeed events,
                 Transactions transactions, CurrentUser user, Clock clock, ProcessStarter processes,
                 org.springframework.transaction.PlatformTransactionManager transactionManager,
                 AuditTrail audit) {
        this.audit = audit;
        this.transactionManager = transactionManager;
        this.processes = processes;
        this.store = store;
        this.ledger = ledger;
        this.reservations = reservations;
        this.rules = rules;
        this.events = events;
        this.transactions = transactions;
        this.user = user;
        this.clock = clock;
    }

    /** QUALITY puts a lot/serial (of an item) or a location on hold. */
    public QualityHold hold(HoldCommand command) {
        user.requireAnyRole("put stock on quality hold", Role.QUALITY);
        List<FieldProblem> errors = new ArrayList<>();
        if (blank(command.reason())) {
            errors.add(new FieldProblem("reason", "required"));
        }
        if (blank(command.location()) && blank(command.lot()) && blank(command.serial())) {
            errors.add(new FieldProblem("lot", "name a lot or serial (with its sku), or a location"));
        }
        if ((!blank(command.lot()) || !blank(command.serial())) && blank(command.sku())) {
            errors.add(new FieldProblem("sku", "required with a lot or serial"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("The hold has invalid fields.", errors);
        }
        return place("MANUAL", trim(command.sku()), trim(command.lot()), trim(command.serial()),
                trim(command.location()), command.reason(), null, user.requireUsername());
    }

    /**
     * Holds stock that failed incoming inspection (the receiving module calls this for the QUALITY user who
     * recorded the failure).
     */
    public QualityHold holdFailedInspection(String sku, String lot, String serial, String location,
                                            BigDecimal quantity, String reference, String actor) {
        return transactions.inTransaction(() -> {
            // exactly the receipt's quantity: other receipts of the item waiting for inspection at the same dock
            // are not this inspection's to hold
            QualityStore.Held inspected = store.holdable(sku, lot == null ? "" : lot, serial == null ? "" : serial,
                    location).stream().filter(h -> "INSPECTION".equals(h.status())).findFirst()
                    .filter(h -> h.quantity().compareTo(quantity) >= 0)
                    .orElseThrow(() -> new Conflict("The receipt's " + quantity.stripTrailingZeros().toPlainString()
                            + " of " + sku + (lot == null ? "" : " lot " + lot) + " are no longer in INSPECTION at "
                            + location + "."));
            return place("INSPECTION", sku, lot == null ? "" : lot, serial == null ? "" : serial, location,
                    "failed incoming inspection", reference, actor, List.of(inspected.withQuantity(quantity)));
        });
    }

    /**
     * Holds every AVAILABLE/INSPECTION/BLOCKED unit of a lot, or a serial, wherever it is, as part of a recall (the
     * production module calls this for the lot and every lot and serial made from it, for a QUALITY user); exactly
     * one of {@code lot} and {@code serial} is given; empty when none of it is in stock.
     */
    public java.util.Optional<QualityHold> holdForRecall(String sku, String lot, String serial, String reason,
                                                         String reference) {
        user.requireAnyRole("recall lots", Role.QUALITY);
        String actor = user.requireUsername();
        return transactions.inTransaction(() -> store.holdable(sku, lot, serial, null).isEmpty()
                ? java.util.Optional.<QualityHold>empty()
                : java.util.Optional.of(place("RECALL", sku, lot, serial, null, reason, reference, actor)));
    }

    private QualityHold place(String source, String sku, String lot, String serial, String location, String reason,
                              String reference, String actor) {
        return transactions.inTransaction(() -> place(source, sku, lot, serial, location, reason, reference, actor,
                store.holdable(sku, lot, serial, location)));
    }

    private QualityHold place(String source, String sku, String lot, String serial, String location, String reason,
                              String reference, String actor, List<QualityStore.Held> held) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (held.isEmpty()) {
                throw new Conflict("Nothing to hold: no AVAILABLE, INSPECTION or BLOCKED stock"
                        + (sku == null ? "" : " of " + sku) + (lot == null ? "" : " lot " + lot)
                        + (serial == null ? "" : " serial " + serial) + (location == null ? "" : " at " + location)
                        + ".");
            }
            long id = store.insertHold(source, sku, lot, serial, location, reason, reference, actor, now);
            for (QualityStore.Held h : held) {
                store.insertLine(id, h);
            }
            processes.start(PROCESS, String.valueOf(id), Map.of("holdId", String.valueOf(id), "actor", actor));
            QualityHold hold = store.hold(id).orElseThrow();
            events.append("QualityHoldPlaced", "quality-hold", hold.id(), hold);
            return hold;
        });
    }

    /** The quality-hold process's first step: every line's stock to QUARANTINE, its reservations released. */
    void quarantine(long holdId, String actor) {
        int n = 0;
        for (QualityStore.LineRow h : store.lines(holdId)) {
            if ("AVAILABLE".equals(h.fromStatus())) {
                reservations.releaseForHold(h.sku(), h.location(), h.lot(), h.serial(), "quality hold " + holdId);
            }
            ledger.post(new MovementCommand(MovementType.STATUS_CHANGE, h.sku(), h.quantity(), h.uom(),
                    nullIfEmpty(h.lot()), nullIfEmpty(h.serial()),
                    new Place(h.location(), StockStatus.valueOf(h.fromStatus())),
                    new Place(h.location(), StockStatus.QUARANTINE), "HOLD-" + holdId, null, null, SOURCE),
                    new Posting(actor, SOURCE, "hold:" + holdId + ":" + (n++)));
        }
    }

    /** The quality-hold process posts a disposition (no MRB, or approved by it); true when the hold closed. */
    boolean postDisposition(long dispositionId, String actor) {
        QualityStore.DispositionRow d = store.disposition(dispositionId).orElseThrow();
        post(dispositionId, store.lineById(d.lineId()), d.disposition(), d.quantity(), actor);
        store.closeIfDone(d.holdId(), clock.instant());
        return "CLOSED".equals(store.holdStatus(d.holdId(), false).orElseThrow());
    }

    /**
     * QUALITY disposes of part of a hold line. Without MRB it is posted at once; with MRB it waits for the approver
     * roles the decision names.
     */
    public QualityHold dispose(String holdId, DispositionCommand command) {
        user.requireAnyRole("dispose of held stock", Role.QUALITY);
        String actor = user.requireUsername();
        long hid = parse(holdId, "quality hold");
        List<FieldProblem> errors = new ArrayList<>();
        if (command.disposition() == null) {
            errors.add(new FieldProblem("disposition", "required"));
        }
        String q = Quantities.problem(command.quantity());
        if (q != null) {
            errors.add(new FieldProblem("quantity", q));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("The disposition has invalid fields.", errors);
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            String status = store.holdStatus(hid, true).orElseThrow(() -> new NotFound("quality hold", holdId));
            if (!"OPEN".equals(status)) {
                throw new Conflict("Quality hold " + holdId + " is " + status + ".");
            }
            if (!processes.openTasks(PROCESS, holdId).contains("disposition")) {
                throw new Conflict("Quality hold " + holdId + " has a disposition waiting for MRB approval; decide "
                        + "that first.");
            }
            QualityStore.LineRow line = store.line(hid, parseLine(command.lineId())).orElseThrow(() ->
                    new ValidationFailed("lineId", "no line " + command.lineId() + " in hold " + holdId));
            if (command.quantity().compareTo(line.remaining()) > 0) {
                throw new Conflict("Only " + line.remaining().stripTrailingZeros().toPlainString() + " " + line.uom()
                        + " of line " + command.lineId() + " are left to dispose of.");
            }
            BigDecimal value = command.quantity().multiply(line.unitCost());
            RuleDecision<QualityDispositionDecision> decision = rules.decide(RuleSet.QUALITY_DISPOSITION,
                    "quality-hold:" + holdId, new QualityDispositionFact(command.disposition(), value,
                            line.regulated()));
            boolean mrb = decision.decision().mrbRequired();
            store.takeFromLine(line.id(), command.quantity());
            long did = store.insertDisposition(hid, line.id(), command.disposition(), command.quantity(), value, mrb,
                    decision.decision().approverRoles(), decision.version(), decision.decisionId(),
                    command.comment(), actor, now);
            Map<String, Object> decided = new LinkedHashMap<>();
            decided.put("holdId", holdId);
            decided.put("lineId", line.id());
            decided.put("sku", line.sku());
            decided.put("location", line.location());
            decided.put("lot", line.lot());
            decided.put("disposition", command.disposition());
            decided.put("quantity", command.quantity());
            decided.put("uom", line.uom());
            decided.put("value", value);
            decided.put("mrbRequired", mrb);
            decided.put("approverRoles", decision.decision().approverRoles());
            audit.record("DISPOSITION_DECIDED", "disposition", String.valueOf(did), null, decided, command.comment());
            processes.complete(PROCESS, holdId, "disposition", actor,
                    Map.of("dispositionId", String.valueOf(did), "mrbRequired", mrb, "actor", actor));
            QualityHold hold = store.hold(hid).orElseThrow();
            events.append(mrb ? "DispositionAwaitsMrb" : "DispositionPosted", "quality-hold", hold.id(), hold);
            return hold;
        });
    }

    /**
     * An MRB member approves or rejects a pending disposition for one of the roles it needs; once every role has
     * approved, it is posted. A rejection needs a comment (422 without) and returns the quantity to the hold line.
     */
    public QualityHold decideMrb(String dispositionId, boolean approved, String comment) {
        String actor = user.requireUsername();
        long did = parse(dispositionId, "disposition");
        if (!approved && blank(comment)) {
            // as for an adjustment: whoever proposed it must learn why it was turned down
            throw new ValidationFailed("A rejection needs a comment.",
                    List.of(new FieldProblem("comment", "required to reject")));
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            QualityStore.DispositionRow d = store.disposition(did).orElseThrow(() ->
                    new NotFound("disposition", dispositionId));
            if (!"PENDING_MRB".equals(d.status())) {
                throw new Conflict("Disposition " + dispositionId + " is " + d.status() + ", not PENDING_MRB.");
            }
            MrbRule.Decision rule = MrbRule.check(dispositionId, actor, d.proposedBy(), d.approverRoles(),
                    store.approvals(did), user::hasAnyRole);
            if (rule.refusal().isPresent()) {
                throw rule.refusal().get();
            }
            String role = rule.role().orElseThrow();
            store.approve(did, role, actor, approved, comment, now);
            String holdKey = String.valueOf(d.holdId());
            if (!approved) {
                store.dispositionStatus(did, "REJECTED", null);
                store.takeFromLine(d.lineId(), d.quantity().negate());
                processes.complete(PROCESS, holdKey, "mrbApproval", actor, Map.of("approved", false));
            } else {
                boolean complete = store.approvedRoles(did).containsAll(d.approverRoles());
                // every approval completes the task; the process opens a fresh one until all roles have approved
                processes.complete(PROCESS, holdKey, "mrbApproval", actor, complete
                        ? Map.of("approved", true, "mrbComplete", true, "actor", actor)
                        : Map.of("approved", true, "mrbComplete", false));
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", store.disposition(did).map(QualityStore.DispositionRow::status).orElse(null));
            after.put("role", role);
            after.put("approved", approved);
            audit.record(approved ? "MRB_APPROVED" : "MRB_REJECTED", "disposition", String.valueOf(did),
                    Map.of("status", d.status()), after, comment);
            QualityHold hold = store.hold(d.holdId()).orElseThrow();
            events.append(approved ? "MrbApproved" : "MrbRejected", "quality-hold", hold.id(), hold);
            return hold;
        });
    }

    /**
     * The MRB inbox of the signed-in user: the pending dispositions they may decide now. Ones they already decided,
     * ones whose only approver they would be as the proposer, and ones that need only roles they lack, are not
     * offered ({@link #decideMrb} refuses them).
     */
    @Transactional(readOnly = true)
    public List<MrbRequest> mrbInbox() {
        String actor = user.username().orElse(null);
        if (actor == null) {
            return List.of();
        }
        return store.pendingMrb().stream().filter(r -> mrbRefusal(r, actor).isEmpty()).toList();
    }

    /**
     * Why the signed-in user may not decide this pending disposition now (segregation of duties, or none of the
     * roles still to approve); empty when they may.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<com.invgov.api.ApiProblem> mrbRefusal(String dispositionId) {
        String actor = user.username().orElse(null);
        if (actor == null) {
            return java.util.Optional.of(new CurrentUser.NotSignedIn());
        }
        return store.pendingMrb().stream().filter(r -> r.dispositionId().equals(dispositionId)).findFirst()
                .map(r -> mrbRefusal(r, actor))
                .orElseGet(() -> java.util.Optional.of(new Conflict("Disposition " + dispositionId
                        + " is not waiting for MRB approval.")));
    }

    /** The disposition of this hold that waits for MRB approval, if one does. */
    @Transactional(readOnly = true)
    public java.util.Optional<MrbRequest> pendingMrb(String holdId) {
        return store.pendingMrb().stream().filter(r -> r.holdId().equals(holdId)).findFirst();
    }

    private java.util.Optional<com.invgov.api.ApiProblem> mrbRefusal(MrbRequest r, String actor) {
        return MrbRule.check(r.dispositionId(), actor, r.proposedBy(), r.approverRoles(), r.approvals(),
                user::hasAnyRole).refusal();
    }

    /**
     * What disposing of {@code quantity} of a hold line would need: its value and whether the MRB must approve.
     * The rule decision is made in a transaction that is rolled back, so a preview leaves no trace in the log.
     */
    public DispositionPreview previewDisposition(String holdId, String lineId, Disposition disposition,
                                                 BigDecimal quantity) {
        long hid = parse(holdId, "quality hold");
        if (disposition == null || Quantities.problem(quantity) != null) {
            throw new ValidationFailed("disposition and a valid quantity are required for a preview",
                    List.of(new FieldProblem(disposition == null ? "disposition" : "quantity", "required")));
        }
        org.springframework.transaction.support.TransactionTemplate preview =
                new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        preview.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return preview.execute(status -> {
            status.setRollbackOnly();
            QualityStore.LineRow line = store.peekLine(hid, parseLine(lineId)).orElseThrow(() ->
                    new ValidationFailed("lineId", "no line " + lineId + " in hold " + holdId));
            BigDecimal value = quantity.multiply(line.unitCost());
            RuleDecision<QualityDispositionDecision> decision = rules.decide(RuleSet.QUALITY_DISPOSITION,
                    "preview:quality-hold:" + holdId, new QualityDispositionFact(disposition, value, line.regulated()));
            return new DispositionPreview(value.setScale(2, java.math.RoundingMode.HALF_UP),
                    decision.decision().mrbRequired(), decision.decision().approverRoles(), decision.version());
        });
    }

    /** Open holds, oldest first, with the quantity and value each keeps in QUARANTINE. */
    @Transactional(readOnly = true)
    public List<OpenHold> openHolds(int limit) {
        return store.openHolds(limit);
    }

    /** The number of open holds and the value of the stock they keep in QUARANTINE. */
    @Transactional(readOnly = true)
    public HoldFigures figures() {
        return store.figures();
    }

    private void post(long dispositionId, QualityStore.LineRow line, Disposition disposition, BigDecimal quantity,
                      String actor) {
        Place held = new Place(line.location(), StockStatus.QUARANTINE);
        MovementCommand command = switch (disposition) {
            case RELEASE, USE_AS_IS -> new MovementCommand(MovementType.STATUS_CHANGE, line.sku(), quantity,
                    line.uom(), nullIfEmpty(line.lot()), nullIfEmpty(line.serial()), held,
                    new Place(line.location(), StockStatus.AVAILABLE), "HOLD-" + line.holdId(), null, null, SOURCE);
            case REWORK -> new MovementCommand(MovementType.STATUS_CHANGE, line.sku(), quantity, line.uom(),
                    nullIfEmpty(line.lot()), nullIfEmpty(line.serial()), held,
                    new Place(line.location(), StockStatus.BLOCKED), "HOLD-" + line.holdId(), null, null, SOURCE);
            case SCRAP -> new MovementCommand(MovementType.SCRAP, line.sku(), quantity, line.uom(),
                    nullIfEmpty(line.lot()), nullIfEmpty(line.serial()), held, null, "HOLD-" + line.holdId(),
                    "DAMAGED", null, SOURCE);
            case RETURN_TO_VENDOR -> new MovementCommand(MovementType.RETURN_TO_VENDOR, line.sku(), quantity,
                    line.uom(), nullIfEmpty(line.lot()), nullIfEmpty(line.serial()), held, null,
                    "HOLD-" + line.holdId(), null, null, SOURCE);
        };
        Movement movement = ledger.post(command, new Posting(actor, SOURCE, "disposition:" + dispositionId));
        store.dispositionStatus(dispositionId, "POSTED", Long.parseLong(movement.id()));
    }

    @Transactional(readOnly = true)
    public QualityHold hold(String id) {
        return store.hold(parse(id, "quality hold")).orElseThrow(() -> new NotFound("quality hold", id));
    }

    /** The statuses a hold has. */
    public static final List<String> STATUSES = List.of("OPEN", "CLOSED");

    /** Holds, oldest first, optionally of one status (OPEN, CLOSED; another is 400). */
    @Transactional(readOnly = true)
    public Page<QualityHold> holds(String status, String after, int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ValidationFailed.badRequest("status must be one of " + STATUSES,
                    List.of(new FieldProblem("status", "one of " + STATUSES)));
        }
        List<QualityHold> holds = store.holdIds(status, Cursor.decodeLong(after, 0), limit + 1).stream()
                .map(id -> store.hold(id).orElseThrow()).toList();
        return Page.of(holds, limit, QualityHold::id);
    }

    private static long parse(String id, String what) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound(what, id);
        }
    }

    private static long parseLine(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ValidationFailed("lineId", "not a line of this hold: " + id);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
