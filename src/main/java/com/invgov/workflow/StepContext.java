package com.invgov.workflow;

import java.util.Optional;

/** What a {@link ServiceStep} sees of the process: ids and small values, never entities. */
public interface StepContext {

    String processInstanceId();

    String processKey();

    /** The business key, usually the id of the object the process is about. */
    String businessKey();

    String activityId();

    <T> Optional<T> variable(String name, Class<T> type);

    void setVariable(String name, Object value);

    /**
     * Sets a value the process reads before its next wait state (a gateway's condition, a task's candidate group or
     * due date) without storing it: no runtime row, no history row. An instance that already stores a variable of
     * that name (started by an older release) has it updated instead.
     */
    void setTransientVariable(String name, Object value);
}
