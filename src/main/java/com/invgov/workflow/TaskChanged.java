package com.invgov.workflow;

import com.invgov.api.Conflict;

/**
 * Someone else claimed or completed the task at the same moment (the engine's optimistic lock, or the task was
 * gone when the engine looked for it): 409 {@code conflict}. Read the task again; it may be done already.
 */
public class TaskChanged extends Conflict {

    private final String taskId;

    public TaskChanged(String taskId) {
        super("Task " + taskId + " was claimed or completed by someone else at the same moment; read it again.");
        this.taskId = taskId;
    }

    public String taskId() {
        return taskId;
    }
}
