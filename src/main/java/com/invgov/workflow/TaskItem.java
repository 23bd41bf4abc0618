package com.invgov.workflow;

import java.time.Instant;
import java.util.List;

/** A task as {@code GET /api/v1/tasks} lists it (DESIGN §6.1). */
public record TaskItem(String id, String name, String taskKey, String processKey, String businessKey,
                       List<String> candidateRoles, String assignee, Instant created, Instant due,
                       TaskSubject subject) {
}
