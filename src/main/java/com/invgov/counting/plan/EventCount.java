package com.invgov.counting.plan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An event that asks for a count of its pair; the count is due the day after {@code occurredOn}.
 * It is satisfied by any count of the pair on or after that due date.
 */
public record EventCount(EventCountReason reason, LocalDate occurredOn) {

    public EventCount {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredOn, "occurredOn");
    }

    public LocalDate dueDate() {
        return occurredOn.plusDays(1);
    }
}
