package com.invgov.engineering.internal;

import com.invgov.api.ApiProblem;
import com.invgov.api.Conflict;
import com.invgov.api.Cursor;
import com.invgov.api.FieldProblem;
import com.invgov.api.NotFound;
import com.invgov.api.Page;
import com.invgov.api.ProblemType;
import com.invgov.api.Transactions;
import com.invgov.api.ValidationFailed;
import com.invgov.audit.AuditTrail;
import com.invgov.engineering.EcoStatus;
import com.invgov.engineering.EngineeringChange;
import com.invgov.engineering.EngineeringChangeActivated;
import com.invgov.engineering.EngineeringChangeDecided;
import com.invgov.engineering.EngineeringChangeDisposed;
import com.invgov.engineering.EngineeringChangeRaised;
import com.invgov.engineering.EngineeringChanges;
import com.invgov.engineering.Impact;
import com.invgov.engineering.RaiseEngineeringChange;
import com.invgov.engineering.Routing;
import com.invgov.engineering.StockDisposition;
import com.invgov.production.BillsOfMaterial;
import com.invgov.production.BomRevision;
import com.invgov.rules.RuleDecision;
import com.invgov.rules.RuleDecisions;
import com.invgov.rules.RuleSet;
import com.invgov.rules.model.EcoRoutingDecision;
import com.invgov.rules.model.EcoRoutingFact;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.invgov.workflow.ProcessStarter;
import com.invgov.workflow.WorkTask;
import com.invgov.workflow.WorkTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Engineering changes: raising (checked by {@link RaiseCheck}), the process's steps (analyse and route, approved,
 * rejected, schedule, activate) and its tasks' completions (approval, disposition).
 */
@Service
class EngineeringChangeService implements EngineeringChanges {

    static final String APPROVE_TASK = "approve";
    static final String DISPOSITION_TASK = "dispose";

    private final EcoStore store;
    private final RaiseCheck check;
    private final ImpactAnalysis analysis;
    private final RuleDecisions rules;
    private final BillsOfMaterial boms;
    private final ProcessStarter processes;
    private final WorkTasks tasks;
    private final Transactions transactions;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    EngineeringChangeService(EcoStore store, RaiseCheck check, ImpactAnalysis analysis, RuleDecisions rules,
                             BillsOfMaterial boms, ProcessStarter processes, WorkTasks tasks,
                             Transactions transactions, CurrentUser user, ApplicationEventPublisher events,
                             Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.check = check;
        this.analysis = analysis;
        this.rules = rules;
        this.boms = boms;
        this.processes = processes;
        this.tasks = tasks;
        this.transactions = transactions;
        this.user = user;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public EngineeringChange raise(RaiseEngineeringChange command) {
        user.requireAnyRole("raise engineering changes", Role.ENGINEER);
        String actor = user.requireUsername();
        return transactions.inTransaction(() -> {
            RaiseCheck.Checked c = check.check(command, today());
            store.openChangeOf(c.product()).ifPresent(open -> {
                throw new Conflict(EcoStore.id(open) + " of " + c.product() + " is still open: one change of a "
                        + "product's BOM at a time.");
            });
            long id;
            try {
                id = store.insert(c.product(), c.fromRevision(), c.revision(), command.effectiveFrom(),
                        c.reason(), actor, clock.instant(), c.lines());
            } catch (DuplicateKeyException e) {
                throw new Conflict("Another change of " + c.product() + " was raised at the same moment.");
            }
            processes.start(PROCESS, EcoStore.id(id), Map.of("rejected", false));
            events.publishEvent(new EngineeringChangeRaised(EcoStore.id(id), c.product(), c.revision(), actor));
            EngineeringChange raised = store.find(id).orElseThrow();
            audit.record("ECO_RAISED", "eco", raised.id(), null, Map.of("product", raised.product(),
                    "fromRevision", String.valueOf(raised.fromRevision()), "toRevision", raised.toRevision(),
                    "effectiveFrom", raised.effectiveFrom().toString(), "lines", raised.lines(),
                    "approverRoles", raised.routing() == null ? List.of() : raised.routing().approverRoles()),
                    raised.reason());
            return raised;
        });
    }

    @Override
    @Transactional(readOnly = true)
    public EngineeringChange change(String id) {
        user.requireUsername();
        return EcoStore.number(id).flatMap(store::find).orElseThrow(() -> new NotFound("engineering change", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<EngineeringChange.Summary> changes(EcoStatus status, String after, int limit) {
        user.requireUsername();
        long before = Cursor.decodeLong(after, Long.MAX_VALUE);
        return Page.of(store.list(status, before, limit + 1), limit,
                s -> String.valueOf(EcoStore.number(s.id()).orElseThrow()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> approvalRefusal(String id, String username) {
        EngineeringChange c = EcoStore.number(id).flatMap(store::find)
                .orElseThrow(() -> new NotFound("engineering change", id));
        return refusal(c, username);
    }

    private static Optional<String> refusal(EngineeringChange c, String username) {
        if (c.raisedBy().equals(username)) {
            return Optional.of(username + " raised " + c.id() + " and may not approve it.");
        }
        return c.approvals().stream().filter(a -> a.by().equals(username)).findFirst()
                .map(a -> username + " has already decided on " + c.id() + " (as " + a.role() + ").");
    }

    // ---- the process's steps -------------------------------------------------------------------------------

    /** Analyses the impact, routes by eco-routing and stores both; answers the roles to ask, in order. */
    List<String> assess(String id) {
        long n = number(id);
        EngineeringChange c = store.find(n).orElseThrow();
        Impact impact = analysis.analyse(c.product(), c.fromRevision(), c.lines());
        RuleDecision<EcoRoutingDecision> d = rules.decide(RuleSet.ECO_ROUTING, "eco:" + c.id(),
                new EcoRoutingFact(impact.anyRegulatedComponent(), impact.obsoleteWriteOffValue()));
        List<String> roles = new ArrayList<>(new LinkedHashSet<>(d.decision().approverRoles()));
        if (roles.isEmpty()) {
            // a rule set that names nobody would let a BOM change through unapproved: an ENGINEER (not its author) is
            // asked instead
            roles.add(Role.ENGINEER.name());
        }
        store.analysed(n, impact, new Routing(roles, d.ruleSet(), d.version(), d.firedRules(),
                d.decisionId() == null ? null : d.decisionId().toString()));
        return roles;
    }

    void approved(String id) {
        store.status(number(id), EcoStatus.PENDING_DISPOSITION, null);
    }

    void rejected(String id) {
        store.status(number(id), EcoStatus.REJECTED, clock.instant());
    }

    /** Waits for the effectivity date; true when it has come (today or earlier, UTC): activate at once. */
    boolean schedule(String id) {
        long n = number(id);
        EngineeringChange c = store.find(n).orElseThrow();
        store.status(n, EcoStatus.SCHEDULED, null);
        return !c.effectiveFrom().isAfter(today());
    }

    /** When the change's timer fires: the start of its effectivity date, UTC. */
    java.util.Date effectiveAt(String id) {
        EngineeringChange c = store.find(number(id)).orElseThrow();
        return java.util.Date.from(c.effectiveFrom().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Releases the change's revision as the product's ACTIVE one; the previous one is SUPERSEDED. */
    void activate(String id) {
        long n = number(id);
        store.lock(n);
        EngineeringChange c = store.find(n).orElseThrow();
        if (c.status() != EcoStatus.SCHEDULED) {
            throw new IllegalStateException(c.id() + " is " + c.status() + ", not SCHEDULED");
        }
        List<BomRevision.Line> lines = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            var l = c.lines().get(i);
            lines.add(new BomRevision.Line(i + 1, l.component(), l.quantity(), l.uom(), l.consumption()));
        }
        boms.release(c.product(), c.toRevision(), c.effectiveFrom(), lines);
        store.activated(n, clock.instant());
        events.publishEvent(new EngineeringChangeActivated(c.id(), c.product(), c.toRevision(), c.fromRevision()));
        // a BOM is master data: its active revision changed (by the timer, or by whoever completed the last step)
        audit.record("BOM_REVISION_ACTIVATED", "bom", c.product(), c.fromRevision() == null ? null
                : Map.of("activeRevision", c.fromRevision()), Map.of("activeRevision", c.toRevision(), "change",
                c.id()), null);
    }

    // ---- the tasks -------------------------------------------------------------------------------------------

    /** An approval task's completion: records the role's decision and moves the process on. */
    void decide(WorkTask task, String username, boolean approved, String comment) {
        if (!approved && (comment == null || comment.isBlank())) {
            throw new ValidationFailed("comment", "required when rejecting: say why");
        }
        long n = number(task.businessKey());
        store.lock(n);
        EngineeringChange c = store.find(n).orElseThrow();
        if (c.status() != EcoStatus.PENDING_APPROVAL) {
            throw new Conflict(c.id() + " is " + c.status() + ", not waiting for approvals.");
        }
        Optional<String> refused = refusal(c, username);
        if (refused.isPresent()) {
            throw new ApiProblem(ProblemType.SEGREGATION_OF_DUTIES, refused.get());
        }
        String role = task.candidateRoles().isEmpty() ? "?" : task.candidateRoles().get(0);
        store.approval(n, role, username, approved, comment == null || comment.isBlank() ? null : comment.trim(),
                clock.instant());
        tasks.completeAs(task.id(), username, Map.of("rejected", !approved));
        events.publishEvent(new EngineeringChangeDecided(c.id(), role, username, approved, comment));
        audit.record(approved ? "ECO_APPROVED" : "ECO_REJECTED", "eco", c.id(), Map.of("status",
                c.status().name()), Map.of("role", role, "approved", approved), comment);
    }

    /** The disposition task's completion: records what happens to the outgoing components' stock. */
    void dispose(WorkTask task, String username, StockDisposition disposition, String note) {
        long n = number(task.businessKey());
        store.lock(n);
        EngineeringChange c = store.find(n).orElseThrow();
        if (c.status() != EcoStatus.PENDING_DISPOSITION) {
            throw new Conflict(c.id() + " is " + c.status() + ", not waiting for the old stock's disposition.");
        }
        store.disposition(n, disposition, username, note == null || note.isBlank() ? null : note.trim(),
                clock.instant());
        tasks.completeAs(task.id(), username, Map.of());
        events.publishEvent(new EngineeringChangeDisposed(c.id(), disposition, username, note));
        audit.record("ECO_DISPOSITION_DECIDED", "eco", c.id(), Map.of("status", c.status().name()),
                Map.of("disposition", disposition.name()), note);
    }

    Optional<EngineeringChange> find(String id) {
        return EcoStore.number(id).flatMap(store::find);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static long number(String id) {
        return EcoStore.number(id).orElseThrow(() -> new NotFound("engineering change", id));
    }
}
