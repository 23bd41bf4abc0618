package com.invgov.counting.plan;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * The order in which due counts take a warehouse's capacity, as DESIGN §5.2 gives it: event counts first, then ABC
 * class (A first), then the oldest last count (never counted first); then the earliest due date (which orders the
 * never-counted pairs among themselves), then sku and location, so that the order is total and a plan is the same on
 * every run.
 */
final class CountPriority {

    static final Comparator<PlannedCount> ORDER = Comparator
            .comparing((PlannedCount count) -> !count.isEventCount())
            .thenComparing(count -> count.pair().abcClass())
            .thenComparing(count -> count.lastCounted().orElse(LocalDate.MIN))
            .thenComparing(PlannedCount::dueDate)
            .thenComparing(count -> count.pair().sku())
            .thenComparing(count -> count.pair().location());

    private CountPriority() {
    }
}
