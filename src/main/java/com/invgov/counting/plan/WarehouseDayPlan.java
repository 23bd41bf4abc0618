package com.invgov.counting.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * The counts of one warehouse on one day.
 *
 * @param counts     the due counts taken, in priority order, at most {@code capacity}
 * @param rolledOver the due counts that did not fit, in priority order; they stay due and compete again tomorrow
 */
public record WarehouseDayPlan(String warehouse, LocalDate day, int capacity, List<PlannedCount> counts,
                               List<PlannedCount> rolledOver) {

    public WarehouseDayPlan {
        counts = List.copyOf(counts);
        rolledOver = List.copyOf(rolledOver);
        if (counts.size() > capacity) {
            throw new IllegalArgumentException("a plan of " + counts.size() + " counts exceeds capacity " + capacity);
        }
    }

    /** Counts taken today whose due date had already passed. */
    public long overdueCount() {
        return counts.stream().filter(count -> count.dueDate().isBefore(day)).count();
    }
}
