package com.invgov.adjustment;

import java.time.Instant;
import java.util.List;

/** A task as {@code GET /tasks} lists it (DESIGN §6.1). No quantities: counts are blind. */
public record TaskView(String id, String name, String taskKey, String processKey, String businessKey,
                       List<String> candidateRoles, String assignee, Instant created, Instant due, Subject subject) {

    /** What the task is about; for an adjustment also where to count (never how much the system holds). */
    public record Subject(String type, String id, String sku, String location, String lot) {
    }
}
