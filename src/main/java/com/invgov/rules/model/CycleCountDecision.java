package com.invgov.rules.model;

/**
 * What {@code cycle-count-policy} decided for one (item, location).
 *
 * @param intervalDays              days between regular counts
 * @param accuracyHalved            the interval was halved for poor accuracy
 * @param eventCountDueInDays       an event count is due in this many days; null when none is
 * @param dailyCapacityPerWarehouse how many counts a warehouse plans per day; the rest roll over
 */
public record CycleCountDecision(int intervalDays, boolean accuracyHalved, Integer eventCountDueInDays,
                                 int dailyCapacityPerWarehouse) {

    public static CycleCountDecision every(int intervalDays, int dailyCapacityPerWarehouse) {
        return new CycleCountDecision(intervalDays, false, null, dailyCapacityPerWarehouse);
    }

    public CycleCountDecision withIntervalDays(int days) {
        return new CycleCountDecision(days, accuracyHalved, eventCountDueInDays, dailyCapacityPerWarehouse);
    }

    /** Half the interval, at least one day. */
    public CycleCountDecision halved() {
        return new CycleCountDecision(Math.max(1, intervalDays / 2), true, eventCountDueInDays,
                dailyCapacityPerWarehouse);
    }

    public CycleCountDecision withEventCountDueInDays(int days) {
        return new CycleCountDecision(intervalDays, accuracyHalved, days, dailyCapacityPerWarehouse);
    }
}
