package com.invgov.adjustment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The adjustment module's figures for the dashboard (DESIGN §8), computed by read-only queries when asked. Days are
 * UTC calendar days; "the last 30 days" are today and the 29 days before it.
 */
public interface AdjustmentFigures {

    /** How many days the figures look back, today included. */
    int DAYS = 30;

    /**
     * Inventory record accuracy: the share of FIRST counts (a recount is the same discrepancy looked at again and
     * is not counted twice) whose outcome was within tolerance (NO_VARIANCE or AUTO_APPROVE), by the count's event
     * time, over the last {@link #DAYS} days, with one entry per day (oldest first).
     */
    Accuracy accuracy();

    /**
     * POSTED adjustments over the last {@link #DAYS} days by the day they were posted: net value (gains minus
     * losses, the sign of the quantity delta) and absolute value (gains plus losses), one entry per day.
     */
    PostedValue postedValue();

    /** Adjustments still PENDING_APPROVAL whose approval has waited longer than 24 h (the escalation fired). */
    Escalated escalated();

    /** Counts within tolerance of all first counts; {@code days} has one entry per day, oldest first. */
    record Accuracy(int counts, int withinTolerance, List<DayShare> days) {
        public Accuracy {
            days = List.copyOf(days);
        }
    }

    /** One day's first counts. */
    record DayShare(LocalDate day, int counts, int withinTolerance) {
    }

    record PostedValue(int adjustments, BigDecimal net, BigDecimal absolute, List<DayValue> days) {
        public PostedValue {
            days = List.copyOf(days);
        }
    }

    /** One day's posted adjustments. */
    record DayValue(LocalDate day, int adjustments, BigDecimal net, BigDecimal absolute) {
    }

    /** {@code oldestSince}: when the longest-waiting of them was opened (null when there are none). */
    record Escalated(int adjustments, BigDecimal value, Instant oldestSince) {
    }
}
