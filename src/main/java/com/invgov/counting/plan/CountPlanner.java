package com.invgov.counting.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plans the counts of one day (DESIGN §5.2). Stateless: the plan depends only on the day and on the candidates, so
 * planning the same day twice gives the same plan, and a count that did not fit today competes again tomorrow with
 * its original due date.
 */
public final class CountPlanner {

    private final CycleCountPolicy policy;
    private final CountInterval interval;

    /** A planner whose intervals come from {@link CountInterval#intervalDays(CountCandidate, CycleCountPolicy)}. */
    public CountPlanner(CycleCountPolicy policy) {
        this(policy, CountInterval.byPolicy(policy));
    }

    /** A planner with another source of intervals (e.g. the published rule set); capacity still from {@code policy}. */
    public CountPlanner(CycleCountPolicy policy, CountInterval interval) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /**
     * The next count of a pair, whether or not it is due yet: its scheduled due date (last count + interval, or the
     * spread first due date), or the due date of an open event if that comes first.
     */
    public PlannedCount nextCount(CountCandidate candidate) {
        return count(candidate, null);
    }

    /**
     * The plan of {@code day}: per warehouse, every count due on or before that day, in {@link CountPriority} order,
     * the first ones up to the warehouse's capacity taken, the others rolled over. An event whose own due date is still
     * ahead does not yet make a count an event count.
     */
    public CountPlan plan(LocalDate day, Collection<CountCandidate> candidates) {
        var dueByWarehouse = new TreeMap<String, List<PlannedCount>>();
        var seen = new HashSet<List<String>>();
        for (CountCandidate candidate : candidates) {
            if (!seen.add(List.of(candidate.pair().sku(), candidate.pair().location()))) {
                throw new IllegalArgumentException("pair planned twice: " + candidate.pair());
            }
            List<PlannedCount> due = dueByWarehouse.computeIfAbsent(candidate.pair().warehouse(), w -> new ArrayList<>());
            dueOn(day, candidate).ifPresent(due::add);
        }
        var plans = new ArrayList<WarehouseDayPlan>();
        dueByWarehouse.forEach((warehouse, due) -> {
            due.sort(CountPriority.ORDER);
            int capacity = policy.capacityOf(warehouse);
            int taken = Math.min(capacity, due.size());
            plans.add(new WarehouseDayPlan(warehouse, day, capacity, due.subList(0, taken),
                    due.subList(taken, due.size())));
        });
        return new CountPlan(day, plans);
    }

    private Optional<PlannedCount> dueOn(LocalDate day, CountCandidate candidate) {
        PlannedCount count = count(candidate, day);
        return count.dueDate().isAfter(day) ? Optional.empty() : Optional.of(count);
    }

    /**
     * The count of a pair as seen on {@code day}: an event due by then makes it an event count (due on the earlier of
     * the event's and the schedule's date). Without a day, only events due by the scheduled date count.
     */
    private PlannedCount count(CountCandidate candidate, LocalDate day) {
        int days = interval.intervalDays(candidate);
        if (days < 1) {
            throw new IllegalStateException("interval of " + candidate.pair() + " must be at least 1 day, got " + days);
        }
        LocalDate scheduled = candidate.lastCounted()
                .map(counted -> counted.plusDays(days))
                .orElseGet(() -> FirstCountSpread.firstDueDate(candidate.pair(), candidate.countableSince(), days));
        LocalDate horizon = day == null ? scheduled : day;
        Optional<EventCount> event = candidate.openEvents().stream()
                .filter(open -> !open.dueDate().isAfter(horizon))
                .min(Comparator.comparing(EventCount::dueDate).thenComparing(EventCount::reason));
        if (event.isPresent()) {
            LocalDate due = event.get().dueDate().isBefore(scheduled) ? event.get().dueDate() : scheduled;
            return new PlannedCount(candidate.pair(), due, CountReason.of(event.get().reason()), days,
                    candidate.lastCounted());
        }
        CountReason reason = candidate.lastCounted().isPresent() ? CountReason.SCHEDULED : CountReason.FIRST_COUNT;
        return new PlannedCount(candidate.pair(), scheduled, reason, days, candidate.lastCounted());
    }
}
