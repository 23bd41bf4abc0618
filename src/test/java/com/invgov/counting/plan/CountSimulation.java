package com.invgov.counting.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A day clock moved over the demo plant: each day is planned, every planned pair is counted that day (its last count
 * date set), and events injected for a day happen after that day's plan, so they are due the next day.
 */
final class CountSimulation {

    /** One count done in the simulation, with the latest day it was allowed to happen on. */
    record Count(CountablePair pair, LocalDate day, LocalDate deadline, CountReason reason) {
        long daysLate() {
            return Math.max(0, ChronoUnit.DAYS.between(deadline, day));
        }
    }

    record InjectedEvent(CountablePair pair, EventCount event) {
    }

    final List<CountPlan> plans = new ArrayList<>();
    final List<Count> counts = new ArrayList<>();
    final Map<CountablePair, CountCandidate> state = new LinkedHashMap<>();
    private final CountPlanner planner;
    private final CycleCountPolicy policy;
    private final Set<CountablePair> inaccurate;

    /** @param inaccurate pairs whose counts keep coming out of tolerance (3 of 5), so their interval halves */
    CountSimulation(CycleCountPolicy policy, List<CountablePair> pairs, LocalDate goLive,
                    Set<CountablePair> inaccurate) {
        this.policy = policy;
        this.planner = new CountPlanner(policy);
        this.inaccurate = inaccurate;
        pairs.forEach(pair -> state.put(pair, CountCandidate.neverCounted(pair, goLive)));
    }

    CountSimulation run(LocalDate from, int days, List<InjectedEvent> events) {
        for (LocalDate day = from; day.isBefore(from.plusDays(days)); day = day.plusDays(1)) {
            CountPlan plan = planner.plan(day, state.values());
            plans.add(plan);
            for (PlannedCount planned : plan.allCounts()) {
                CountCandidate before = state.get(planned.pair());
                counts.add(new Count(planned.pair(), day, deadline(before), planned.reason()));
                state.put(planned.pair(), before.countedOn(day, accuracyAfterCount(planned.pair())));
            }
            for (InjectedEvent injected : events) {
                if (injected.event().occurredOn().equals(day)) {
                    state.computeIfPresent(injected.pair(), (pair, candidate) -> candidate.withEvent(injected.event()));
                }
            }
        }
        return this;
    }

    /** The last day the pair may be counted on and still be within its interval. */
    LocalDate deadline(CountCandidate candidate) {
        int interval = CountInterval.intervalDays(candidate, policy);
        return candidate.lastCounted().orElse(candidate.countableSince()).plusDays(interval);
    }

    private CountAccuracy accuracyAfterCount(CountablePair pair) {
        return inaccurate.contains(pair) ? CountAccuracy.of(3, 5) : CountAccuracy.of(5, 5);
    }
}
