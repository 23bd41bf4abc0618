package com.invgov.counting.plan;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * The order in which due counts take a warehouse's capacity (DESIGN §5.2): event counts first, then ABC class
 * (A first), then the earliest due date (an overdue count keeps its place), then the oldest last count (never counted
 * first), then sku and location so that the order is total and a plan is the same on every run.
 * <p>
 * Within a class the earliest due date comes before the oldest last count: both agree while intervals are equal; where
 * they differ (a regulated C item or a halved interval) due-date order is the one that keeps each pair within its own
 * interval whenever the capacity allows it.
 */
final class CountPriority {

    static final Comparator<PlannedCount> ORDER = Comparator
            .comparing((PlannedCount count) -> !count.isEventCount())
            .thenComparing(count -> count.pair().abcClass())
            .thenComparing(PlannedCount::dueDate)
            .thenComparing(count -> count.lastCounted().orElse(LocalDate.MIN))
            .thenComparing(count -> count.pair().sku())
            .thenComparing(count -> count.pair().location());

    private CountPriority() {
    }
}
