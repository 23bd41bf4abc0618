package com.invgov.counting.internal;

import com.invgov.api.Conflict;
import com.invgov.api.Cursor;
import com.invgov.api.Page;
import com.invgov.api.ValidationFailed;
import com.invgov.counting.CountPlanView;
import com.invgov.counting.CountPlans;
import com.invgov.counting.CountingOverview;
import com.invgov.counting.OnTimeCompletion;
import com.invgov.counting.plan.AbcClass;
import com.invgov.counting.plan.CountAccuracy;
import com.invgov.counting.plan.CountCandidate;
import com.invgov.counting.plan.CountPlan;
import com.invgov.counting.plan.CountPlanner;
import com.invgov.counting.plan.CountablePair;
import com.invgov.counting.plan.CycleCountPolicy;
import com.invgov.counting.plan.EventCount;
import com.invgov.counting.plan.EventCountReason;
import com.invgov.counting.plan.PlannedCount;
import com.invgov.counting.plan.WarehouseDayPlan;
import com.invgov.inventory.Balance;
import com.invgov.inventory.Item;
import com.invgov.inventory.ItemFilter;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.Location;
import com.invgov.inventory.LocationType;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.StockFilter;
import com.invgov.rules.RuleDecision;
import com.invgov.rules.RuleDecisions;
import com.invgov.rules.RuleSet;
import com.invgov.rules.model.CountTrigger;
import com.invgov.rules.model.CycleCountDecision;
import com.invgov.rules.model.CycleCountFact;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.invgov.workflow.ProcessEvents;
import com.invgov.workflow.WorkTask;
import com.invgov.workflow.WorkTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Count planning on the database (DESIGN §5.2): gathers the countable pairs (STOCK locations flagged countable that
 * hold stock or have an event count), their last counts and accuracy and their event counts, asks the published
 * {@code cycle-count-policy} for intervals and capacity, lets the pure {@link CountPlanner} plan, and stores the plan
 * of each warehouse once per day with one count task per planned line.
 */
@Service
class CountPlanning implements CountPlans {

    static final String COUNT_TASK = "count";
    static final String PLAN_NOW_MESSAGE = "cycle-count.plan-now";
    static final String PLANNED_MESSAGE = "cycle-count.planned";
    static final String ROLLED_OVER_MESSAGE = "cycle-count.rolled-over";
    static final String TIMER_ACTOR = "cycle-count timer";
    private static final Logger log = LoggerFactory.getLogger(CountPlanning.class);
    private static final Role[] PLANNERS = {Role.INVENTORY_CONTROLLER, Role.ADMIN};

    private final CountPlanStore store;
    private final MasterData masterData;
    private final Ledger ledger;
    private final RuleDecisions rules;
    private final WorkTasks tasks;
    private final ProcessEvents processEvents;
    private final CurrentUser user;
    private final Clock clock;
    private final int defaultCapacity;

    CountPlanning(CountPlanStore store, MasterData masterData, Ledger ledger, RuleDecisions rules, WorkTasks tasks,
                  ProcessEvents processEvents, CurrentUser user, Clock clock,
                  @Value("${invgov.counting.capacity-per-day:200}") int defaultCapacity) {
        this.store = store;
        this.masterData = masterData;
        this.ledger = ledger;
        this.rules = rules;
        this.tasks = tasks;
        this.processEvents = processEvents;
        this.user = user;
        this.clock = clock;
        this.defaultCapacity = defaultCapacity;
    }

    /** What one planning run did. */
    record PlanningRun(LocalDate day, List<String> plannedWarehouses, List<String> skippedWarehouses, int tasks) {
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---- on demand and reading

    @Override
    @Transactional
    public List<CountPlanView> planNow(LocalDate day) {
        user.requireAnyRole("plan counts", PLANNERS);
        LocalDate target = day == null ? today() : day;
        if (target.isBefore(today())) {
            throw new ValidationFailed("day", "a day in the past cannot be planned any more");
        }
        if (target.isAfter(today().plusDays(31))) {
            throw new ValidationFailed("day", "plans are made at most 31 days ahead");
        }
        processEvents.startByMessage(PLAN_NOW_MESSAGE, "plan:" + target, Map.of("day", target.toString(),
                "requestedBy", user.requireUsername()));
        linkTasks();
        return store.plans(null, target);
    }

    @Override
    @Transactional
    public List<CountPlanView> plans(String warehouse, LocalDate day) {
        user.requireUsername();
        linkTasks();
        return store.plans(warehouse == null || warehouse.isBlank() ? null : warehouse, day == null ? today() : day);
    }

    @Override
    @Transactional
    public Page<CountPlanView> plans(String warehouse, LocalDate day, String after, int limit) {
        user.requireUsername();
        String afterWarehouse = Cursor.decode(after);
        linkTasks();
        return Page.of(store.plans(warehouse == null || warehouse.isBlank() ? null : warehouse,
                day == null ? today() : day, afterWarehouse, limit), limit, CountPlanView::warehouse);
    }

    /** Fills in the task id of lines planned by a run whose tasks were not yet visible (a run inside the engine). */
    private void linkTasks() {
        for (String id : store.plannedLinesWithoutTask()) {
            countTask(id).ifPresent(t -> store.setTask(id, t.id()));
        }
    }

    private Optional<WorkTask> countTask(String lineId) {
        return tasks.tasksOf(lineId).stream()
                .filter(t -> PROCESS.equals(t.processKey()) && COUNT_TASK.equals(t.taskKey())).findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CountingOverview> overview() {
        user.requireUsername();
        LocalDate today = today();
        Map<String, CountPlanStore.OpenFigures> open = new LinkedHashMap<>();
        store.openFigures(today).forEach(f -> open.put(f.warehouse(), f));
        Map<String, int[]> accuracy = new HashMap<>();
        Map<String, Optional<Location>> locations = new HashMap<>();
        for (var row : store.accuracyByLocation(clock.instant().minus(Duration.ofDays(30)))) {
            Optional<Location> location = locations.computeIfAbsent(row.location(), masterData::findLocation);
            location.map(Location::warehouse).ifPresent(w -> {
                int[] sums = accuracy.computeIfAbsent(w, k -> new int[2]);
                sums[0] += row.counts();
                sums[1] += row.withinTolerance();
            });
        }
        var warehouses = new TreeSet<String>();
        masterData.warehouses(null, null, 1000).items().forEach(w -> warehouses.add(w.code()));
        warehouses.addAll(open.keySet());
        warehouses.addAll(accuracy.keySet());
        List<CountingOverview> result = new ArrayList<>();
        for (String w : warehouses) {
            var f = open.getOrDefault(w, new CountPlanStore.OpenFigures(w, 0, 0, 0, 0));
            int[] a = accuracy.getOrDefault(w, new int[2]);
            result.add(new CountingOverview(w, f.plannedToday(), f.countedToday(), f.open(), f.overdue(), a[0], a[1],
                    percent(a[1], a[0])));
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public OnTimeCompletion onTimeCompletion() {
        LocalDate today = today();
        int[] figures = store.onTime(today.minusDays(30), today);
        return new OnTimeCompletion(figures[0], figures[1], percent(figures[1], figures[0]));
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }

    // ---- counts

    /** The open plan line of a count task, if {@code taskId} is one; checked against what is counted. */
    Optional<CountPlanStore.StoredLine> lineOfTask(String taskId, String sku, String location, String counter) {
        Optional<WorkTask> task = tasks.task(taskId)
                .filter(t -> PROCESS.equals(t.processKey()) && COUNT_TASK.equals(t.taskKey()));
        if (task.isEmpty()) {
            return Optional.empty();
        }
        if (task.get().assignee() != null && !task.get().assignee().equals(counter)) {
            throw new Conflict("Count task " + taskId + " is claimed by " + task.get().assignee() + ".");
        }
        var line = store.line(task.get().businessKey())
                .filter(l -> CountPlanStore.PLANNED.equals(l.line().status()));
        line.ifPresent(l -> {
            if (!l.line().sku().equals(sku) || !l.line().location().equals(location)) {
                throw new ValidationFailed("countTaskId", "count task " + taskId + " is for " + l.line().sku()
                        + " at " + l.line().location());
            }
        });
        return line;
    }

    /** The open plan line of a pair, read with the count's first query (see {@link #counted}). */
    Supplier<Optional<CountPlanStore.StoredLine>> openLine(String sku, String location) {
        return store.openLineOf(sku, location);
    }

    /**
     * A first count of a pair was recorded: its open plan line, if any, is counted (on time when on or before the due
     * date) and its count task completed, in the caller's transaction. A line planned without a lot (the place held
     * several lots of a lot-tracked item) is counted once every lot holding stock there has a count since its plan was
     * made; until then its task stays open and lists the lots still to count. A line that names its lot is counted by
     * a count of that lot (a count of another lot found there is kept, and leaves the line open).
     *
     * @param lot the lot counted, of a lot-tracked item; null otherwise
     */
    void counted(Supplier<Optional<CountPlanStore.StoredLine>> openLine, String countId, Instant eventTime,
                 String lot) {
        openLine.get().filter(l -> lot == null || (l.line().lot() != null ? lot.equals(l.line().lot())
                : store.lotsToCount(l).stream().allMatch(lot::equals))).ifPresent(l -> {
            LocalDate on = LocalDate.ofInstant(eventTime, ZoneOffset.UTC);
            String taskId = l.line().taskId() != null ? l.line().taskId()
                    : countTask(l.id()).map(WorkTask::id).orElse(null);
            store.counted(l.id(), countId, on, !on.isAfter(l.line().dueDate()), taskId, clock.instant());
            if (taskId != null) {
                tasks.complete(taskId, Map.of("countId", countId));
            }
        });
    }

    // ---- planning (the cycle-count process's step)

    /**
     * Plans {@code day} for every warehouse that has no plan for it yet. Runs inside the process step, in its
     * transaction, one run at a time. The open lines of days that are over (before today, or before {@code day} when
     * that is today) roll over into the new plan; lines of today stay open when a later day is planned ahead, and
     * their pairs are left out of that plan (a pair has one open count), as are the pairs of any other plan made
     * ahead.
     */
    PlanningRun plan(LocalDate day, String by) {
        store.lockPlanning();
        Instant now = clock.instant();
        Policy policy = new Policy(day);
        LocalDate over = day.isBefore(today()) ? day : today();
        Set<List<String>> beingCounted = store.pairsPlannedFrom(over);
        Map<List<String>, String> lots = new HashMap<>();
        List<CountCandidate> candidates = candidates(day, lots, policy).stream()
                .filter(c -> !beingCounted.contains(List.of(c.pair().sku(), c.pair().location())))
                .toList();
        CountPlan plan = new CountPlanner(policy.asPlannerPolicy(), policy::intervalDays).plan(day, candidates);
        List<String> planned = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int started = 0;
        for (WarehouseDayPlan warehouse : plan.warehouses()) {
            String w = warehouse.warehouse();
            if (!store.insertPlan(w, day, warehouse.capacity(), policy.version, now, by)) {
                skipped.add(w);
                continue;
            }
            for (var open : store.openLinesBefore(w, over)) {
                store.rollOver(open.id(), now);
                processEvents.correlate(ROLLED_OVER_MESSAGE, open.id());
            }
            int priority = 1;
            for (PlannedCount count : warehouse.counts()) {
                UUID id = UUID.randomUUID();
                insert(id, w, day, count, priority++, CountPlanStore.PLANNED, lots, now);
                // the task is due by the end of the count's due day (UTC), as on-time completion judges it
                processEvents.startByMessage(PLANNED_MESSAGE, id.toString(), Map.of("countLine", id.toString(),
                        "sku", count.pair().sku(), "location", count.pair().location(),
                        "due", java.util.Date.from(count.dueDate().plusDays(1).atStartOfDay(ZoneOffset.UTC)
                                .toInstant())));
                started++;
            }
            for (PlannedCount count : warehouse.rolledOver()) {
                insert(UUID.randomUUID(), w, day, count, priority++, CountPlanStore.WAITING, lots, now);
            }
            planned.add(w);
        }
        log.info("Count plan {}: planned {}, already planned {}, {} count tasks", day, planned, skipped, started);
        return new PlanningRun(day, planned, skipped, started);
    }

    private void insert(UUID id, String warehouse, LocalDate day, PlannedCount count, int priority, String status,
                        Map<List<String>, String> lots, Instant now) {
        store.insertLine(id, warehouse, day, count.pair().sku(), count.pair().location(),
                lots.getOrDefault(List.of(count.pair().sku(), count.pair().location()), null), count.reason().name(),
                count.dueDate(), count.intervalDays(), priority, status, now);
    }

    /**
     * The countable pairs and what the planner needs to know about each, as of {@code day}; {@code lots} receives the
     * single lot of each pair that holds exactly one. Event counts are due as {@code policy} says.
     */
    private List<CountCandidate> candidates(LocalDate day, Map<List<String>, String> lots, Policy policy) {
        Map<String, Location> countable = new HashMap<>();
        String after = null;
        do {
            var page = masterData.locations(null, LocationType.STOCK, after, 1000);
            page.items().stream().filter(Location::countable).forEach(l -> countable.put(l.code(), l));
            after = page.next();
        } while (after != null);

        Map<List<String>, Set<String>> pairs = new LinkedHashMap<>();
        after = null;
        do {
            var page = ledger.stock(StockFilter.all(), after, 1000);
            for (Balance b : page.items()) {
                if (b.quantity().signum() > 0 && countable.containsKey(b.location())) {
                    Set<String> lotsOfPair = pairs.computeIfAbsent(List.of(b.sku(), b.location()), k -> new TreeSet<>());
                    if (b.lot() != null && !b.lot().isBlank()) {
                        lotsOfPair.add(b.lot());
                    }
                }
            }
            after = page.next();
        } while (after != null);

        Map<List<String>, List<CountPlanStore.StoredEvent>> events = new HashMap<>();
        for (var e : store.events(day.minusDays(400), day.plusDays(1))) {
            List<String> key = List.of(e.sku(), e.location());
            if (!countable.containsKey(e.location())) {
                continue;
            }
            pairs.computeIfAbsent(key, k -> new TreeSet<>());
            events.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }

        pairs.forEach((k, v) -> {
            if (v.size() == 1) {
                lots.put(k, v.iterator().next());
            }
        });

        Map<List<String>, CountPlanStore.LastCounts> last = store.lastCounts(
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        // a pair seen for the first time became countable today, also when a later day is planned ahead: its spread
        // first due date counts from today, not from that day
        LocalDate seen = day.isAfter(today()) ? today() : day;
        Map<List<String>, LocalDate> since = store.countableSince(List.copyOf(pairs.keySet()), seen);
        Map<String, Item> items = new HashMap<>();
        after = null;
        do {
            var page = masterData.items(new ItemFilter(null, null, null, null, null), after, 1000);
            page.items().forEach(i -> items.put(i.sku(), i));
            after = page.next();
        } while (after != null);
        List<CountCandidate> candidates = new ArrayList<>();
        for (List<String> key : pairs.keySet()) {
            Optional<Item> item = Optional.ofNullable(items.get(key.get(0)));
            if (item.isEmpty()) {
                continue;
            }
            Location location = countable.get(key.get(1));
            CountablePair pair = new CountablePair(key.get(0), key.get(1), location.warehouse(),
                    AbcClass.valueOf(item.get().abcClass().name()), item.get().regulated());
            CountPlanStore.LastCounts counts = last.get(key);
            int dueInDays = policy.eventCountDueInDays(pair);
            candidates.add(new CountCandidate(pair, since.getOrDefault(key, seen),
                    Optional.ofNullable(counts).map(CountPlanStore.LastCounts::lastCounted),
                    counts == null ? CountAccuracy.unknown() : CountAccuracy.of(counts.withinTolerance(), counts.counts()),
                    events.getOrDefault(key, List.of()).stream()
                            .map(e -> new EventCount(EventCountReason.valueOf(e.reason()), e.occurredOn(), dueInDays))
                            .toList()));
        }
        return candidates;
    }

    /**
     * The published {@code cycle-count-policy} for one planning run: intervals per (class, regulated, accuracy) asked
     * once each and remembered for the run (the decision depends on nothing else), capacity from the rule set's
     * table ({@code invgov.counting.capacity-per-day} only if the rule set gives none).
     */
    private final class Policy {
        private final String subject;
        private final Map<List<Object>, CycleCountDecision> decisions = new HashMap<>();
        private final int capacity;
        private Integer version;

        Policy(LocalDate day) {
            this.subject = "count-plan:" + day;
            CycleCountDecision reference = decide(CycleCountFact.of("A", false, 0, 0, CountTrigger.NONE));
            this.capacity = reference.dailyCapacityPerWarehouse() > 0 ? reference.dailyCapacityPerWarehouse()
                    : defaultCapacity;
        }

        CycleCountPolicy asPlannerPolicy() {
            return CycleCountPolicy.DEFAULTS.withCapacityPerDay(capacity);
        }

        int intervalDays(CountCandidate candidate) {
            var pair = candidate.pair();
            var accuracy = candidate.accuracy();
            return decide(CycleCountFact.of(pair.abcClass().name(), pair.regulated(), accuracy.counts(),
                    accuracy.withinTolerance(), CountTrigger.NONE)).intervalDays();
        }

        /** Days after its event that an event count of the pair is due ({@code eventCountDueInDays}; else 1). */
        int eventCountDueInDays(CountablePair pair) {
            Integer days = decide(CycleCountFact.of(pair.abcClass().name(), pair.regulated(), 0, 0,
                    CountTrigger.ZERO_BALANCE)).eventCountDueInDays();
            return days == null ? 1 : Math.max(0, days);
        }

        private CycleCountDecision decide(CycleCountFact fact) {
            return decisions.computeIfAbsent(List.of(fact.abcClass(), fact.regulated(), fact.recentCounts(),
                    fact.recentCountsWithinTolerance(), fact.trigger()), k -> {
                RuleDecision<CycleCountDecision> d = rules.decide(RuleSet.CYCLE_COUNT_POLICY, subject, fact);
                version = d.version();
                return d.decision();
            });
        }
    }
}
