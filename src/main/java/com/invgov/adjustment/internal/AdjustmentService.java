package com.invgov.adjustment.internal;

import com.invgov.adjustment.Adjustment;
import com.invgov.adjustment.AdjustmentStatus;
import com.invgov.adjustment.Adjustments;
import com.invgov.adjustment.Approval;
import com.invgov.audit.AuditTrail;
import com.invgov.adjustment.CountAssessed;
import com.invgov.adjustment.CountRecord;
import com.invgov.adjustment.LaterCounts;
import com.invgov.adjustment.Decision;
import com.invgov.adjustment.SegregationOfDuties;
import com.invgov.adjustment.Variance;
import com.invgov.adjustment.AdjustmentEscalated;
import com.invgov.adjustment.AdjustmentRejected;
import com.invgov.api.Conflict;
import com.invgov.api.EventFeed;
import org.springframework.context.ApplicationEventPublisher;
import com.invgov.api.NotFound;
import com.invgov.api.ValidationFailed;
import com.invgov.inventory.Item;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.Location;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Movement;
import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.Posting;
import com.invgov.inventory.Quantities;
import com.invgov.inventory.SerialAt;
import com.invgov.inventory.StockStatus;
import com.invgov.inventory.Tracking;
import com.invgov.rules.RuleDecision;
import com.invgov.rules.RuleDecisions;
import com.invgov.rules.RuleSet;
import com.invgov.rules.model.AdjustmentToleranceDecision;
import com.invgov.rules.model.AdjustmentToleranceFact;
import com.invgov.rules.model.VarianceSource;
import com.invgov.security.CurrentUser;
import com.invgov.security.NotPermitted;
import com.invgov.security.Role;
import com.invgov.workflow.WorkTask;
import com.invgov.workflow.WorkTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The adjustment requests and the work of the {@code adjustment-approval} process's steps. */
@Service
public class AdjustmentService implements Adjustments {

    static final String RECOUNT_TASK = "recount";
    static final String APPROVE_TASK = "approve";
    static final String POSTING_ACTOR = "adjustment-approval";
    private static final Logger log = LoggerFactory.getLogger(AdjustmentService.class);
    private static final Role[] COUNTERS = {Role.OPERATOR, Role.INVENTORY_CONTROLLER, Role.ADMIN, Role.INTEGRATION};
    private static final Role[] REQUESTERS = {Role.OPERATOR, Role.INVENTORY_CONTROLLER, Role.QUALITY, Role.ADMIN};
    /**
     * Who reads adjustments, their count history and figures: every role (DESIGN §7) but OPERATOR, because counts
     * are blind — a recounter must not see the system quantity (an operator still reads their own manual request).
     * An integration that posted a count got the system quantity in the answer already.
     */
    static final Role[] READERS = {Role.INVENTORY_CONTROLLER, Role.FINANCE, Role.QUALITY, Role.ADMIN, Role.AUDITOR,
            Role.PLANNER, Role.ENGINEER, Role.INTEGRATION};

    private final AdjustmentStore store;
    private final AdjustmentReadStore reads;
    private final Ledger ledger;
    private final MasterData masterData;
    private final RuleDecisions rules;
    private final WorkTasks tasks;
    private final CurrentUser user;
    private final Clock clock;
    private final EventFeed events;
    private final ApplicationEventPublisher publisher;
    private final org.springframework.beans.factory.ObjectProvider<LaterCounts> laterCounts;
    private final AuditTrail audit;
    /** The request whose process this thread is starting (see {@link #open}). */
    private final ThreadLocal<AdjustmentRequest> starting = new ThreadLocal<>();

    AdjustmentService(AdjustmentStore store, AdjustmentReadStore reads, Ledger ledger, MasterData masterData, RuleDecisions rules,
                      WorkTasks tasks, CurrentUser user, Clock clock,
                      EventFeed events, ApplicationEventPublisher publisher,
                      org.springframework.beans.factory.ObjectProvider<LaterCounts> laterCounts, AuditTrail audit) {
        this.audit = audit;
        this.laterCounts = laterCounts;
        this.events = events;
        this.publisher = publisher;
        this.store = store;
        this.reads = reads;
        this.ledger = ledger;
        this.masterData = masterData;
        this.rules = rules;
        this.tasks = tasks;
        this.user = user;
        this.clock = clock;
    }

    // ---- counts

    @Override
    @Transactional
    public CountAssessed count(String countId, String sku, String location, String lot, BigDecimal countedBase,
                               List<String> serials, Instant eventTime, String counter) {
        user.requireAnyRole("post counts", COUNTERS);
        Item item = masterData.item(sku);
        // travels with the variance's read
        java.util.function.Supplier<List<String>> awaiting = store.awaitingRecount(sku, location, emptyToNull(lot));
        BigDecimal system = systemQuantity(item, location, lot, eventTime);
        if (!awaiting.get().isEmpty()) {
            // While a variance waits for its recount, the next count of the place is that recount (blind, by someone
            // who has not counted it): a first count of its own would answer the system quantity and then let its
            // counter "recount" knowingly, or open a second adjustment of the same variance.
            return recount(awaiting.get().get(0), countId, sku, location, lot, countedBase, serials, eventTime,
                    counter);
        }
        Assessed assessed = decide(item, system, countedBase, VarianceSource.CYCLE_COUNT, false, "count:" + countId);
        if (assessed.decision.outcome().equals("NO_VARIANCE")) {
            return new CountAssessed(assessed.variance(), assessed.decision, null, false);
        }
        requireSerials(item, serials);
        Instant now = clock.instant();
        AdjustmentRequest a = new AdjustmentRequest(UUID.randomUUID(), AdjustmentStatus.PENDING_APPROVAL, sku,
                location, emptyToNull(lot), AdjustmentRequest.CYCLE_COUNT, reasonOf(assessed.v.diff()), null,
                eventTime, assessed.v.system(), countedBase, assessed.v.diff(), assessed.v.value(), assessed.v.pct(),
                false, assessed.decision, counter, List.of(counter), UUID.fromString(countId), null, false, now,
                List.of(), serials == null ? null : List.copyOf(serials));
        a.decided(assessed.v, assessed.decision, null);
        open(a, now);
        return new CountAssessed(assessed.variance(), assessed.decision, a.id.toString(), false);
    }

    @Override
    @Transactional
    public CountAssessed recount(String adjustmentId, String countId, String sku, String location, String lot,
                                 BigDecimal countedBase, List<String> serials, Instant eventTime, String counter) {
        user.requireAnyRole("post counts", COUNTERS);
        AdjustmentRequest a = store.lock(uuid(adjustmentId)).orElseThrow(() -> new NotFound("adjustment", adjustmentId));
        if (a.counters.contains(counter) || a.requestedBy.equals(counter)) {
            throw new SegregationOfDuties(counter + " counted or requested adjustment " + a.id
                    + " already; a recount must be done by another person.");
        }
        if (!a.sku.equals(sku) || !a.location.equals(location) || !java.util.Objects.equals(emptyToNull(a.lot),
                emptyToNull(lot))) {
            throw new ValidationFailed("countTaskId", "the recount is of " + a.sku + " at " + a.location
                    + (emptyToNull(a.lot) == null ? "" : ", lot " + a.lot) + ", not of " + sku + " at " + location
                    + (emptyToNull(lot) == null ? "" : ", lot " + lot));
        }
        Optional<WorkTask> task = recountTask(a.id.toString());
        if (task.isPresent() && task.get().assignee() != null && !task.get().assignee().equals(counter)) {
            throw new Conflict("The recount task " + task.get().id() + " is claimed by " + task.get().assignee()
                    + ".");
        }
        a.recounted(counter, countedBase, serials == null ? null : List.copyOf(serials), eventTime,
                UUID.fromString(countId));
        Item item = masterData.item(a.sku);
        Assessed assessed = assess(item, a.location, a.lot, countedBase, eventTime, VarianceSource.CYCLE_COUNT, true,
                "count:" + countId);
        if (!assessed.decision.outcome().equals("NO_VARIANCE")) {
            requireSerials(item, serials);
        }
        a.decided(assessed.v, assessed.decision, countReason(a, assessed.v.diff()));
        save(a, clock.instant());
        task.ifPresent(t -> tasks.complete(t.id(), Map.of()));
        AdjustmentRequest after = store.find(a.id).orElseThrow();
        return new CountAssessed(assessed.variance(), after.decision, a.id.toString(), true);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> adjustmentOfRecountTask(String taskId) {
        return tasks.task(taskId)
                .filter(t -> PROCESS.equals(t.processKey()) && RECOUNT_TASK.equals(t.taskKey()))
                .map(WorkTask::businessKey);
    }

    // ---- manual requests

    @Override
    @Transactional
    public Adjustment request(String sku, String location, String lot, BigDecimal enteredDelta, String uom,
                              List<String> serials, String reasonCode, String note) {
        user.requireAnyRole("request adjustments", REQUESTERS);
        String requester = user.requireUsername();
        Item item = masterData.findItem(sku).orElseThrow(() -> new ValidationFailed("sku", "unknown item " + sku));
        Location place = masterData.findLocation(location)
                .orElseThrow(() -> new ValidationFailed("location", "unknown location " + location));
        if (!place.countable()) {
            // the approval path may ask for a recount (DESIGN §5.1), and a recount is a count: it needs a countable place
            throw new ValidationFailed("location", location + " is not a countable location");
        }
        if (enteredDelta.signum() == 0) {
            throw new ValidationFailed("quantityDelta", "must not be 0");
        }
        BigDecimal factor = uom == null ? BigDecimal.ONE : item.factor(uom)
                .orElseThrow(() -> new ValidationFailed("uom", "unknown UoM " + uom + " for " + sku));
        BigDecimal quantityDelta = Quantities.plain(enteredDelta.multiply(factor));
        // what the ledger would refuse to post is refused before anything is opened
        item.lotProblem(lot).ifPresent(problem -> {
            throw new ValidationFailed("lot", problem);
        });
        item.quantityProblem(quantityDelta).ifPresent(problem -> {
            throw new ValidationFailed("quantityDelta", problem);
        });
        if (quantityDelta.abs().compareTo(Quantities.MAX) > 0) {
            throw new ValidationFailed("quantityDelta", "more than 10^12 " + item.baseUom());
        }
        if (item.tracking() == Tracking.SERIAL && serials == null) {
            throw new ValidationFailed("serials", "required: " + sku + " is serial-tracked; name the serial numbers "
                    + (quantityDelta.signum() > 0 ? "found" : "lost"));
        }
        List<String> named = Item.serialsAsKept(serials);
        item.serialsProblem(named, quantityDelta.abs()).ifPresent(problem -> {
            throw new ValidationFailed("serials", problem);
        });
        if (!masterData.reasonCodeExists(reasonCode)) {
            throw new ValidationFailed("reasonCode", "unknown reason code " + reasonCode);
        }
        Instant now = clock.instant();
        BigDecimal system = ledger.balanceAsOf(sku, place.code(), emptyToNull(lot), null, now);
        BigDecimal counted = system.add(quantityDelta);
        if (counted.signum() < 0 && !place.allowNegative()) {
            throw new Conflict("A delta of " + quantityDelta.toPlainString() + " would take " + sku + " at "
                    + location + " below zero (on hand " + system.toPlainString() + ").");
        }
        if (item.tracking() == Tracking.SERIAL) {
            // a serial lost must be here; one found must be nowhere in the plant
            Map<String, String> where = ledger.serialLocations(sku, named);
            for (String serial : named) {
                if (quantityDelta.signum() < 0 && !place.code().equals(where.get(serial))) {
                    throw new Conflict("Serial " + serial + " of " + sku + " is not at " + place.code()
                            + ": it cannot be lost there.");
                }
                if (quantityDelta.signum() > 0 && where.containsKey(serial)) {
                    throw new Conflict("Serial " + serial + " of " + sku + " is at " + where.get(serial)
                            + ": it cannot be found at " + place.code() + ".");
                }
            }
        }
        UUID id = UUID.randomUUID();
        Assessed assessed = assess(item, place.code(), lot, counted, now, VarianceSource.MANUAL, false,
                "adjustment:" + id);
        AdjustmentRequest a = new AdjustmentRequest(id, AdjustmentStatus.PENDING_APPROVAL, sku, place.code(),
                emptyToNull(lot), VarianceSource.MANUAL.name(), reasonCode, note, now, system, counted,
                quantityDelta, assessed.v.value(), assessed.v.pct(), false, assessed.decision, requester, List.of(),
                null, null, false, now, List.of(), item.tracking() == Tracking.SERIAL ? named : null);
        a.decided(assessed.v, assessed.decision, null);
        open(a, now);
        return AdjustmentStore.view(store.find(id).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public Adjustment adjustment(String id) {
        AdjustmentRequest a = store.find(uuidOr404(id)).orElseThrow(() -> new NotFound("adjustment", id));
        String me = user.requireUsername();
        boolean ownRequest = !a.isCount() && me.equals(a.requestedBy);
        if (!user.hasAnyRole(READERS) && !ownRequest) {
            // counts are blind: a counter never sees the system quantity through the adjustment
            throw new NotPermitted("read adjustments", Set.of(READERS));
        }
        return AdjustmentStore.view(a);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CountRecord> countHistory(String sku, String location, int limit) {
        user.requireAnyRole("read count history", READERS);
        return reads.countHistory(sku, location, Math.max(1, Math.min(limit, 500)));
    }

    // ---- tasks

    @Override
    @Transactional
    public void complete(String taskId, boolean approved, String comment) {
        String me = user.requireUsername();
        WorkTask t = mayAct(taskId, me);
        if (t.assignee() != null && !t.assignee().equals(me)) {
            throw new Conflict("Task " + taskId + " is claimed by " + t.assignee() + ".");
        }
        if (!APPROVE_TASK.equals(t.taskKey())) {
            throw new ValidationFailed("countedQuantity",
                    "a recount is completed by POST /api/v1/counts with recountOf or countTaskId");
        }
        if (!approved && (comment == null || comment.isBlank())) {
            throw new ValidationFailed("comment", "a rejection needs a comment");
        }
        AdjustmentRequest a = store.lock(UUID.fromString(t.businessKey())).orElseThrow();
        if (tasks.task(taskId).isEmpty()) {
            // someone completed it while we waited for the lock
            throw new Conflict("Task " + taskId + " was completed by someone else.");
        }
        // the role this approval stands for is the decision's next one, not whatever the task's candidate group
        // says (an uploaded process could offer the task to another role): the approver must hold it
        List<String> missing = a.missingRoles();
        String role = !missing.isEmpty() ? missing.get(0)
                : t.candidateRoles().isEmpty() ? null : t.candidateRoles().get(0);
        if (role != null && user.roles().stream().noneMatch(r -> r.name().equals(role))) {
            throw new NotPermitted("approve adjustment " + a.id + " as " + role,
                    Role.parse(role).map(Set::of).orElse(Set.of()));
        }
        AdjustmentStatus was = a.status;
        a.approval(new Approval(role, me, approved, comment, clock.instant()));
        save(a, clock.instant());
        // a person's decision (DESIGN §7); automatic approvals (AUTO_APPROVE) are the rules', not audited here
        Map<String, Object> decided = new LinkedHashMap<>();
        decided.put("status", a.status);
        decided.put("role", role);
        decided.put("approved", approved);
        audit.record(approved ? "ADJUSTMENT_APPROVED" : "ADJUSTMENT_REJECTED", "adjustment", a.id.toString(),
                Map.of("status", was), decided, comment);
        // as the approver: a claim by someone else since the task was read makes this 409, not an approval by me
        tasks.completeAs(taskId, me, Map.of());
    }

    // ---- the process's steps

    /**
     * Opens a new request: announces it and starts its process. The process's first step runs on this thread, in
     * this transaction, and takes the request as it is in memory (decided a moment ago, not yet visible to anyone
     * else); the row is then written once, as that step left it (posted, or waiting for an approval or a recount)
     * — one insert instead of an insert, a locking read and an update.
     */
    private void open(AdjustmentRequest a, Instant now) {
        a.storedStatus = a.status;
        a.unwritten = true;
        announce(a, null);
        starting.set(a);
        try {
            tasks.start(PROCESS, a.id.toString(), Map.of());
        } finally {
            starting.remove();
        }
        store.insert(a, now);
        a.unwritten = false;
        a.storedStatus = a.status;
    }

    /** What the process does next: DONE, RECOUNT, or APPROVE with {@code role}. Posts when all approved. */
    Next advance(String adjustmentId) {
        AdjustmentRequest fresh = starting.get();
        boolean justDecided = fresh != null && fresh.id.toString().equals(adjustmentId);
        AdjustmentRequest a = justDecided ? fresh : store.lock(UUID.fromString(adjustmentId)).orElseThrow();
        for (int round = 0; round < 4; round++) {
            switch (a.status) {
                case REJECTED, CLOSED, POSTED -> {
                    return Next.DONE;
                }
                case PENDING_RECOUNT, CONFLICT -> {
                    return Next.RECOUNT;
                }
                case PENDING_APPROVAL -> {
                    return Next.approve(a.missingRoles().get(0));
                }
                case APPROVED -> settle(a, justDecided);
            }
        }
        throw new IllegalStateException("adjustment " + adjustmentId + " did not settle");
    }

    /**
     * The 24 h escalation of an approval: flags the adjustment (the dashboard's overdue approvals, OVERDUE in the
     * inbox) and notifies through the outbound change feed, which is how integrations hear of anything (DESIGN §6).
     * The flag goes when that task is done or the adjustment ends (see {@link AdjustmentRequest#approval}).
     */
    void escalate(String adjustmentId) {
        AdjustmentRequest a = store.lock(UUID.fromString(adjustmentId)).orElseThrow();
        Optional<WorkTask> task = tasks.tasksOf(adjustmentId).stream().filter(t -> APPROVE_TASK.equals(t.taskKey()))
                .findFirst();
        if (task.isEmpty() || !a.escalate()) {
            return;
        }
        Instant now = clock.instant();
        save(a, now);
        WorkTask t = task.get();
        String role = t.candidateRoles().isEmpty() ? null : t.candidateRoles().get(0);
        events.append("AdjustmentEscalated", "adjustment", adjustmentId, new AdjustmentEscalated(adjustmentId, role,
                t.id(), t.created(), t.due(), now, a.sku, a.location, a.quantityDelta, a.value));
        log.warn("Adjustment {} has waited more than 24 hours for an approval by {}", adjustmentId, role);
    }

    /**
     * Recomputes the variance as of the latest count's event time and posts when it is unchanged; when it
     * changed, decides again (the new status tells what follows). A request decided in this very transaction (an
     * AUTO_APPROVE count posting at once) is not read again: its variance was read a moment ago, and a second
     * read would leave the same gap before the posting as the first. A posting that would break invariant 2 sets
     * CONFLICT.
     */
    private void settle(AdjustmentRequest a, boolean justDecided) {
        Instant now = clock.instant();
        if (!justDecided) {
            ledger.holdPostingsOf(a.sku, a.location);
            LaterCounts counts = laterCounts.getIfAvailable();
            Optional<Instant> later = counts == null ? Optional.empty()
                    : counts.countedAfter(a.sku, a.location, emptyToNull(a.lot), a.eventTime, a.id.toString());
            if (later.isPresent()) {
                // the place was counted again after this variance was found: that count found it as it was then,
                // this variance included; posting it now would post it twice
                log.info("Adjustment {} is superseded by a count of {} at {} made at {}; closed without posting",
                        a.id, a.sku, a.location, later.get());
                a.superseded();
                save(a, now);
                return;
            }
        }
        if (a.restsOnACount() && !justDecided) {
            // Unchanged variance → post as decided; only a changed one is decided again (DESIGN §5.1), so the
            // usual case costs one balance query, not a second rule evaluation and decision-log entry.
            BigDecimal system = ledger.balanceAsOf(a.sku, a.location, emptyToNull(a.lot), null, a.eventTime);
            if (a.countedQty.subtract(system).compareTo(a.quantityDelta) != 0) {
                Item item = masterData.item(a.sku);
                // a count's variance, also a recounted manual request's: decided as recount() decided it
                Assessed again = assess(item, a.location, a.lot, a.countedQty, a.eventTime,
                        VarianceSource.CYCLE_COUNT, a.recountDone, "adjustment:" + a.id);
                log.info("Adjustment {}: the variance changed from {} to {} before posting; deciding again", a.id,
                        a.quantityDelta.toPlainString(), again.v.diff().toPlainString());
                a.decided(again.v, again.decision, countReason(a, again.v.diff()));
                save(a, now);
                return;
            }
        }
        Item item = masterData.item(a.sku);
        Posting posting = new Posting(actor(), "invgov", "adjustment:" + a.id);
        // stock lost may meet a balance that moved meanwhile: a refusal changes nothing and sets CONFLICT (stock
        // found goes into the location, which invariant 2 never refuses — but a serial found may be somewhere else)
        Optional<String> movementId = item.tracking() == Tracking.SERIAL
                ? postSerials(a, item, posting)
                : ledger.postUnlessShort(movement(a, item), posting).map(Movement::id);
        if (movementId.isPresent()) {
            a.posted(movementId.get());
        } else {
            log.info("Adjustment {} conflicts with the ledger: {} at {} cannot change by {}", a.id, a.sku,
                    a.location, a.quantityDelta.toPlainString());
            a.conflict();
        }
        save(a, now);
    }

    /**
     * A serial-tracked item moves one unit per serial (DESIGN §3): a count posts each serial the ledger has there
     * (as of the count's event time) and the count did not find out (LOST), and each serial found that the ledger
     * does not have there in (FOUND); a manual request moves the serials it names (until a recount replaces them
     * with the serials it counted). All or nothing; empty when the ledger refuses (a serial gone or somewhere
     * else), when one of the serials moved after the count's event time, or when the request names no serials (one
     * opened before serials were kept): then CONFLICT and a recount, which names them.
     */
    private Optional<String> postSerials(AdjustmentRequest a, Item item, Posting posting) {
        if (a.serials == null) {
            return Optional.empty();
        }
        Map<String, SerialAt> there = ledger.serialsAsOf(a.sku, a.location, a.lot, a.eventTime);
        List<MovementCommand> commands = new java.util.ArrayList<>();
        if (a.restsOnACount()) {
            // the serials counted (a recount of a manual request counts too, under the requester's reason code)
            Set<String> counted = Set.copyOf(a.serials);
            String lost = a.isCount() ? "LOST" : a.reasonCode;
            String found = a.isCount() ? "FOUND" : a.reasonCode;
            there.forEach((serial, at) -> {
                if (!counted.contains(serial)) {
                    commands.add(out(a, item, serial, at, lost));
                }
            });
            a.serials.stream().filter(serial -> !there.containsKey(serial))
                    .forEach(serial -> commands.add(in(a, item, serial, found)));
        } else {
            boolean in = a.quantityDelta.signum() > 0;
            a.serials.forEach(serial -> commands.add(in ? in(a, item, serial, a.reasonCode)
                    : out(a, item, serial, there.getOrDefault(serial, new SerialAt(a.lot, null)), a.reasonCode)));
        }
        if (commands.isEmpty()) {
            return Optional.empty();
        }
        // a serial that moved after the count's event time was somewhere the count did not see: taking it out or
        // putting it in at that time would contradict its later movements
        Set<String> moved = ledger.serialsMovedSince(a.sku, commands.stream().map(MovementCommand::serial).toList(),
                a.eventTime);
        if (!moved.isEmpty()) {
            log.info("Adjustment {}: serials {} moved after {}", a.id, moved, a.eventTime);
            return Optional.empty();
        }
        return ledger.postAllUnlessRefused(commands, posting).map(movements -> movements.get(0).id());
    }

    /** A serial found comes into AVAILABLE, with the adjustment's lot. */
    private static MovementCommand in(AdjustmentRequest a, Item item, String serial, String reasonCode) {
        return new MovementCommand(MovementType.ADJUSTMENT, a.sku, BigDecimal.ONE, item.baseUom(), a.lot, serial,
                null, new Place(a.location, StockStatus.AVAILABLE), "ADJ-" + a.id, reasonCode, a.eventTime, "invgov");
    }

    /**
     * A serial missing goes out of the status it is in (a unit gone is gone, held or not: taking it from AVAILABLE
     * while it is on hold would be refused at every recount); one that has left the place since is refused: CONFLICT.
     */
    private static MovementCommand out(AdjustmentRequest a, Item item, String serial, SerialAt at, String reasonCode) {
        StockStatus status = at.statusNow() == null ? StockStatus.AVAILABLE : at.statusNow();
        return new MovementCommand(MovementType.ADJUSTMENT, a.sku, BigDecimal.ONE, item.baseUom(), at.lot(), serial,
                new Place(a.location, status), null, "ADJ-" + a.id, reasonCode, a.eventTime, "invgov");
    }

    /** A variance of a serial-tracked item is posted serial by serial: the count must name them. */
    private static void requireSerials(Item item, List<String> serials) {
        if (item.tracking() == Tracking.SERIAL && serials == null) {
            throw new ValidationFailed("serials", "required: " + item.sku() + " is serial-tracked and the count "
                    + "differs from the ledger; scan the serial number of every unit counted");
        }
    }

    /** Saves the request; a new status goes to the outbound change feed (and a rejection to the planner). */
    private void save(AdjustmentRequest a, Instant now) {
        AdjustmentStatus before = a.storedStatus;
        if (!a.unwritten) {
            store.update(a, now);
        }
        a.storedStatus = a.status;
        if (before != a.status) {
            announce(a, before);
        }
    }

    private void announce(AdjustmentRequest a, AdjustmentStatus before) {
        String type = before == null ? "AdjustmentOpened" : "Adjustment" + switch (a.status) {
            case PENDING_RECOUNT -> "RecountRequested";
            case PENDING_APPROVAL -> "ApprovalRequested";
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case POSTED -> "Posted";
            case CLOSED -> "Closed";
            case CONFLICT -> "Conflict";
        };
        events.append(type, "adjustment", a.id.toString(), AdjustmentStore.view(a));
        if (a.status == AdjustmentStatus.REJECTED) {
            publisher.publishEvent(new AdjustmentRejected(a.id.toString(), a.sku, a.location, a.lot, clock.instant()));
        }
    }

    private static MovementCommand movement(AdjustmentRequest a, Item item) {
        Place here = new Place(a.location, StockStatus.AVAILABLE);
        boolean in = a.quantityDelta.signum() > 0;
        return new MovementCommand(MovementType.ADJUSTMENT, a.sku, a.quantityDelta.abs(), item.baseUom(), a.lot, null,
                in ? null : here, in ? here : null, "ADJ-" + a.id, a.reasonCode, a.eventTime, "invgov");
    }

    private String actor() {
        return user.username().orElse(POSTING_ACTOR);
    }

    // ---- helpers

    private WorkTask mayAct(String taskId, String me) {
        WorkTask t = tasks.task(taskId).orElseThrow(() -> new NotFound("task", taskId));
        Set<String> roles = user.roles().stream().map(Role::name).collect(Collectors.toSet());
        boolean mine = me.equals(t.assignee()) || t.candidateRoles().stream().anyMatch(roles::contains);
        if (!mine) {
            throw new NotPermitted("act on task " + taskId, t.candidateRoles().stream().map(Role::parse)
                    .flatMap(Optional::stream).collect(Collectors.toSet()));
        }
        if (PROCESS.equals(t.processKey())) {
            AdjustmentRequest a = store.find(UUID.fromString(t.businessKey())).orElseThrow();
            String breach = sodBreach(a, t, me);
            if (breach != null) {
                throw new SegregationOfDuties(breach);
            }
        }
        return t;
    }

    /** Why {@code me} may not act on this task of the adjustment, or null. */
    static String sodBreach(AdjustmentRequest a, WorkTask t, String me) {
        if (RECOUNT_TASK.equals(t.taskKey())) {
            return a.counters.contains(me) || a.requestedBy.equals(me)
                    ? me + " counted or requested adjustment " + a.id + "; a recount must be done by another person"
                    : null;
        }
        if (a.counters.contains(me) || a.requestedBy.equals(me)) {
            return me + " counted, recounted or requested adjustment " + a.id + " and may not approve it";
        }
        if (a.approvals.stream().anyMatch(x -> x.by().equals(me))) {
            return me + " has approved adjustment " + a.id + " already; nobody approves twice";
        }
        return null;
    }

    private Optional<WorkTask> recountTask(String adjustmentId) {
        return tasks.tasksOf(adjustmentId).stream().filter(t -> RECOUNT_TASK.equals(t.taskKey())).findFirst();
    }

    private record Assessed(AdjustmentRequest.Variance v, Decision decision) {
        Variance variance() {
            return new Variance(v.system(), v.counted(), v.diff(), v.value(), v.pct());
        }
    }

    private Assessed assess(Item item, String location, String lot, BigDecimal counted, Instant asOf,
                            VarianceSource source, boolean recountDone, String subject) {
        return decide(item, systemQuantity(item, location, lot, asOf), counted, source, recountDone, subject);
    }

    /** The system quantity of a place as of a time, every status, after the postings in flight on it. */
    private BigDecimal systemQuantity(Item item, String location, String lot, Instant asOf) {
        // a movement in flight on this place commits before the read (and the count saw it on the floor)
        ledger.holdPostingsOf(item.sku(), location);
        return ledger.balanceAsOf(item.sku(), location, emptyToNull(lot), null, asOf);
    }

    private Assessed decide(Item item, BigDecimal system, BigDecimal counted, VarianceSource source,
                            boolean recountDone, String subject) {
        AdjustmentToleranceFact fact = AdjustmentToleranceFact.of(system, counted, item.unitCost(),
                item.abcClass().name(), item.regulated(), source, recountDone);
        RuleDecision<AdjustmentToleranceDecision> d = rules.decide(RuleSet.ADJUSTMENT_TOLERANCE, subject, fact);
        Decision decision = new Decision(d.decision().outcome().name(), d.decision().approverRoles(), d.ruleSet(),
                d.version(), d.firedRules());
        return new Assessed(new AdjustmentRequest.Variance(fact.systemQty(), fact.countedQty(), fact.diffQty(),
                fact.diffValue(), fact.diffPct()), decision);
    }

    private static String reasonOf(BigDecimal diff) {
        return diff.signum() < 0 ? "LOST" : "FOUND";
    }

    /**
     * The reason code of a (re)decided variance: a count's is LOST or FOUND by its sign; a manual request keeps the
     * requester's (null: unchanged), since the GL account follows the reason, recounted or not.
     */
    private static String countReason(AdjustmentRequest a, BigDecimal diff) {
        return a.isCount() ? reasonOf(diff) : null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static UUID uuid(String id) {
        return uuidOr404(id);
    }

    private static UUID uuidOr404(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("adjustment", String.valueOf(id));
        }
    }

    /** The next step of the process. */
    record Next(String next, String role) {
        static final Next DONE = new Next("DONE", null);
        static final Next RECOUNT = new Next("RECOUNT", null);

        static Next approve(String role) {
            return new Next("APPROVE", role);
        }
    }
}
