package com.invgov.counting.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the planner needs to know about one countable pair on the day it plans.
 *
 * @param countableSince the day the pair became countable (stock first arrived at a countable location, or the day
 *                       the opening stock was loaded); anchors the spread first due date of a never-counted pair
 * @param lastCounted    the day of the pair's last count, empty when never counted
 * @param accuracy       share within tolerance of the pair's last 5 counts
 * @param pendingEvents  event counts raised for the pair; those a later count already satisfied are ignored
 */
public record CountCandidate(CountablePair pair, LocalDate countableSince, Optional<LocalDate> lastCounted,
                             CountAccuracy accuracy, List<EventCount> pendingEvents) {

    public CountCandidate {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(countableSince, "countableSince");
        Objects.requireNonNull(lastCounted, "lastCounted");
        Objects.requireNonNull(accuracy, "accuracy");
        pendingEvents = List.copyOf(pendingEvents);
    }

    /** A pair that has never been counted and has no events. */
    public static CountCandidate neverCounted(CountablePair pair, LocalDate countableSince) {
        return new CountCandidate(pair, countableSince, Optional.empty(), CountAccuracy.unknown(), List.of());
    }

    public CountCandidate countedOn(LocalDate day, CountAccuracy accuracyAfterwards) {
        return new CountCandidate(pair, countableSince, Optional.of(day), accuracyAfterwards, pendingEvents);
    }

    public CountCandidate withEvent(EventCount event) {
        var events = new ArrayList<>(pendingEvents);
        events.add(event);
        return new CountCandidate(pair, countableSince, lastCounted, accuracy, events);
    }

    /** The events no count has answered yet: a count on or after an event's due date answers it. */
    public List<EventCount> openEvents() {
        return pendingEvents.stream()
                .filter(event -> lastCounted.map(counted -> counted.isBefore(event.dueDate())).orElse(true))
                .toList();
    }
}
