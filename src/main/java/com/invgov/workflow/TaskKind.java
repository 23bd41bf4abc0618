package com.invgov.workflow;

import com.invgov.api.ApiProblem;

import java.util.Map;
import java.util.Optional;

/**
 * One kind of user task, implemented by the feature module whose process creates it (a Spring bean). The task
 * inbox ({@link MyTasks}: {@code /api/v1/tasks} and the console) asks the kinds which tasks they own, whether a
 * user may act on one (segregation of duties lives in the feature module), what a task is about, and how its
 * completion's fields are checked and applied.
 */
public interface TaskKind {

    /** Whether this kind owns the task (usually by process key and task key). */
    boolean owns(WorkTask task);

    /**
     * Why {@code user} may not act on the task although their roles would let them (e.g. they counted what they
     * would approve): the problem to answer with. Such tasks are not offered to them. Empty when they may.
     */
    Optional<ApiProblem> refusal(WorkTask task, String user);

    /** What the task is about; never a quantity a blind count must not show. */
    TaskSubject subject(WorkTask task);

    /**
     * Checks the completion's fields (a {@link com.invgov.api.ValidationFailed} naming the field when they are
     * wrong, before anything changes) and completes the task in the caller's transaction. The inbox has checked
     * that {@code user} may act on it.
     */
    void complete(WorkTask task, String user, Map<String, Object> fields);
}
