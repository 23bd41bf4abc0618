package com.invgov.counting.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A count of one pair that is due.
 *
 * @param dueDate      the earliest day it was due (an overdue count keeps it, and with it its place in the queue)
 * @param reason       an event reason when an event asks for it, else {@code FIRST_COUNT} or {@code SCHEDULED}
 * @param intervalDays the pair's interval, as the planner's {@link CountInterval} gave it
 */
public record PlannedCount(CountablePair pair, LocalDate dueDate, CountReason reason, int intervalDays,
                           Optional<LocalDate> lastCounted) {

    public boolean isEventCount() {
        return reason.isEvent();
    }

    public long daysOverdue(LocalDate day) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, day));
    }
}
