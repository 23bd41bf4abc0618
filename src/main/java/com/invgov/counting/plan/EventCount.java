package com.invgov.counting.plan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An event that asks for a count of its pair; the count is due {@code dueInDays} after {@code occurredOn} (the
 * published {@code cycle-count-policy}'s {@code eventCountDueInDays}; DESIGN §5.2 ships "due the next day").
 * It is satisfied by any count of the pair on or after that due date.
 */
public record EventCount(EventCountReason reason, LocalDate occurredOn, int dueInDays) {

    public EventCount {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredOn, "occurredOn");
        if (dueInDays < 0) {
            throw new IllegalArgumentException("dueInDays must not be negative, got " + dueInDays);
        }
    }

    /** An event count due the next day, as the shipped policy has it. */
    public EventCount(EventCountReason reason, LocalDate occurredOn) {
        this(reason, occurredOn, 1);
    }

    public LocalDate dueDate() {
        return occurredOn.plusDays(dueInDays);
    }
}
