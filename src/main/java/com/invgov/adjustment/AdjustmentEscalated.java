package com.invgov.adjustment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An approval of an adjustment has waited 24 hours (its escalation timer). In the outbound change feed as
 * {@code AdjustmentEscalated}, which is how integrations (mail, chat, a pager) hear of it; the adjustment is flagged
 * {@code escalated} until that task is done or the adjustment ends. Each role's task has its own 24 hours.
 *
 * @param role          the role whose approval task is overdue
 * @param taskId        that task
 * @param waitingSince  when that task was created
 * @param overdueSince  when it fell due (24 hours after the step that created it)
 * @param value         the variance's value, unsigned (as the adjustment shows it)
 */
public record AdjustmentEscalated(String adjustmentId, String role, String taskId, Instant waitingSince,
                                  Instant overdueSince, Instant escalatedAt, String sku, String location,
                                  BigDecimal quantityDelta, BigDecimal value) {
}
