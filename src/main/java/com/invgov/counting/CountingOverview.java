package com.invgov.counting;

import java.math.BigDecimal;

/**
 * The counting figures of one warehouse today.
 *
 * @param plannedToday        lines in today's plan that got a task (PLANNED or already COUNTED)
 * @param countedToday        of those, counted
 * @param open                open count tasks (PLANNED lines of any day)
 * @param overdue             open count tasks whose due date has passed, plus due counts waiting for capacity today
 * @param countsLast30Days    counts (first counts and recounts) of the warehouse's locations, last 30 days
 * @param withinToleranceLast30Days of those, within tolerance
 * @param accuracyPct         share within tolerance in %, null without counts
 */
public record CountingOverview(String warehouse, int plannedToday, int countedToday, int open, int overdue,
                               int countsLast30Days, int withinToleranceLast30Days, BigDecimal accuracyPct) {
}
