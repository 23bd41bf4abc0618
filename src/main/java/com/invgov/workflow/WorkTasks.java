package com.invgov.workflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task facade for feature modules: start a process, list, claim and complete user tasks. No Camunda type
 * appears here; callers check who may act (segregation of duties lives in the feature module).
 *
 * <p>Tasks are claimed and completed concurrently: a task that is gone by the time it is looked at reads as absent
 * (never an engine error), and a claim or completion that loses a race with another is a {@link TaskChanged} (409).
 */
@Service
public class WorkTasks {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcClient jdbc;

    WorkTasks(RuntimeService runtime, TaskService tasks, ManagementService management, JdbcClient jdbc) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.jdbc = jdbc;
    }

    /** Starts the latest version of a process; returns the process instance id. Joins the caller's transaction. */
    public String start(String processKey, String businessKey, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(processKey, businessKey, variables).getId();
    }

    /** Tasks assigned to the user, or unassigned with a candidate group among the roles; oldest first. */
    public List<WorkTask> tasksFor(String user, Collection<String> roles, int limit) {
        return tasksFor(user, roles, null, 0, limit);
    }

    /**
     * As {@link #tasksFor(String, Collection, int)}, created at or after {@code createdFrom} (null: any time), in a
     * stable order (create time, then id): rows {@code first} to {@code first + max - 1} of that order.
     */
    public List<WorkTask> tasksFor(String user, Collection<String> roles, Instant createdFrom, int first, int max) {
        var query = tasks.createTaskQuery().or().taskAssignee(user);
        if (!roles.isEmpty()) {
            query = query.taskCandidateGroupIn(List.copyOf(roles));
        }
        query = query.endOr();
        if (createdFrom != null) {
            // the engine keeps create times in milliseconds and offers only "strictly after"
            query = query.taskCreatedAfter(Date.from(createdFrom.minusMillis(1)));
        }
        return views(query.orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(first, max));
    }

    /** The open tasks of a process instance found by business key (any process). */
    public List<WorkTask> tasksOf(String businessKey) {
        return views(tasks.createTaskQuery().processInstanceBusinessKey(businessKey).orderByTaskCreateTime().asc()
                .orderByTaskId().asc().list());
    }

    /** The open tasks claimed by (assigned to) the user. */
    public List<WorkTask> claimedBy(String user) {
        return views(tasks.createTaskQuery().taskAssignee(user).orderByTaskCreateTime().asc().orderByTaskId().asc()
                .list());
    }

    /** Takes the task's claim away: it is back in the inbox of its candidate roles. */
    public void release(String taskId) {
        try {
            tasks.setAssignee(taskId, null);
        } catch (OptimisticLockingException e) {
            throw new TaskChanged(taskId);
        } catch (NullValueException e) {
            throw goneOr(taskId, e);
        }
    }

    /** The open task, or empty when there is none (also when it was completed a moment ago). */
    public Optional<WorkTask> task(String id) {
        Task t = tasks.createTaskQuery().taskId(id).singleResult();
        return t == null ? Optional.empty() : views(List.of(t)).stream().findFirst();
    }

    /** Claims the task for the user; {@link TaskChanged} (409) when someone else claimed or completed it meanwhile. */
    public void claim(String taskId, String user) {
        try {
            tasks.claim(taskId, user);
        } catch (OptimisticLockingException | TaskAlreadyClaimedException e) {
            throw new TaskChanged(taskId);
        } catch (NullValueException e) {
            throw goneOr(taskId, e);
        }
    }

    /**
     * Completes a task with process variables; the process moves on in the caller's transaction. {@link TaskChanged}
     * (409) when someone else completed it (or changed it) meanwhile.
     */
    public void complete(String taskId, Map<String, Object> variables) {
        try {
            tasks.complete(taskId, variables);
        } catch (OptimisticLockingException e) {
            throw new TaskChanged(taskId);
        } catch (NullValueException e) {
            throw goneOr(taskId, e);
        }
    }

    /**
     * Completes a task as {@code user}, claiming it first: a claim by someone else a moment earlier, or at the same
     * moment, makes this {@link TaskChanged} (409) instead of completing a task another person holds (the engine's
     * complete does not look at the assignee; its claim does, and two claims of one task take turns on its row).
     */
    public void completeAs(String taskId, String user, Map<String, Object> variables) {
        claim(taskId, user);
        complete(taskId, variables);
    }

    /** The engine found no such task: it was completed meanwhile (409), unless it is there after all. */
    private RuntimeException goneOr(String taskId, NullValueException e) {
        return tasks.createTaskQuery().taskId(taskId).count() == 0 ? new TaskChanged(taskId) : e;
    }

    /**
     * Runs the timer jobs of the process instances with this business key now, as if their time had come
     * (tests and operators; the job executor may be off). Returns how many ran.
     */
    public int runTimersNow(String businessKey) {
        List<Job> jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).timers().list().stream())
                .toList();
        jobs.forEach(job -> management.executeJob(job.getId()));
        return jobs.size();
    }

    /**
     * The tasks that are still open as views, with their business keys and candidate groups read in one query (not
     * one per task) and in one snapshot: a task completed since the engine's query listed it is left out, so no
     * engine call ever looks for a task that is gone.
     */
    private List<WorkTask> views(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, String> businessKeys = new HashMap<>();
        Map<String, List<String>> groups = new HashMap<>();
        jdbc.sql("""
                        SELECT t.id_, e.business_key_, l.group_id_
                        FROM act_ru_task t
                        LEFT JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                        LEFT JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = :candidate
                          AND l.group_id_ IS NOT NULL
                        WHERE t.id_ IN (:ids)""")
                .param("candidate", IdentityLinkType.CANDIDATE)
                .param("ids", found.stream().map(Task::getId).distinct().toList())
                .query(rs -> {
                    String id = rs.getString(1);
                    businessKeys.put(id, rs.getString(2));
                    List<String> of = groups.computeIfAbsent(id, k -> new ArrayList<>());
                    if (rs.getString(3) != null) {
                        of.add(rs.getString(3));
                    }
                });
        return found.stream().filter(t -> groups.containsKey(t.getId()))
                .map(t -> view(t, businessKeys.get(t.getId()), groups.get(t.getId()).stream().sorted().toList()))
                .toList();
    }

    private static WorkTask view(Task t, String businessKey, List<String> groups) {
        String processKey = t.getProcessDefinitionId() == null ? null : t.getProcessDefinitionId().split(":")[0];
        return new WorkTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), processKey, businessKey,
                t.getProcessInstanceId(), groups, t.getAssignee(), instant(t.getCreateTime()), instant(t.getDueDate()));
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }
}
