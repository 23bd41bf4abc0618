package com.invgov.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A user task as feature modules see it, without Camunda types.
 *
 * @param taskKey        the task's id in the BPMN (e.g. {@code recount}, {@code approve})
 * @param candidateRoles the roles (candidate groups) that may take it
 */
public record WorkTask(String id, String name, String taskKey, String processKey, String businessKey,
                       String processInstanceId, List<String> candidateRoles, String assignee, Instant created,
                       Instant due) {

    public WorkTask {
        candidateRoles = candidateRoles == null ? List.of() : List.copyOf(candidateRoles);
    }
}
