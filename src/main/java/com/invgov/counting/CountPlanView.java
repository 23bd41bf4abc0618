package com.invgov.counting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The stored plan of one warehouse and day.
 *
 * @param ruleSetVersion the published {@code cycle-count-policy} version whose intervals and capacity planned it
 */
public record CountPlanView(String warehouse, LocalDate day, int capacity, Integer ruleSetVersion, Instant plannedAt,
                            String plannedBy, List<Line> lines) {

    public CountPlanView {
        lines = List.copyOf(lines);
    }

    /**
     * One planned count. Blind: no quantity.
     *
     * @param reason  SCHEDULED, FIRST_COUNT or an event reason (ZERO_CONFIRMATION, INSUFFICIENT_STOCK_REFUSED,
     *                ADJUSTMENT_REJECTED)
     * @param status  PLANNED (open task), COUNTED, ROLLED_OVER (not counted by the next planning), WAITING (due but
     *                over the day's capacity, no task)
     * @param lot     the pair's lot when it holds exactly one, else null
     * @param onTime  counted on or before the due date; null until counted
     */
    public record Line(String id, String sku, String location, String lot, String reason, LocalDate dueDate,
                       int intervalDays, int priority, String status, String taskId, String countId,
                       LocalDate countedOn, Boolean onTime) {
    }
}
