package com.invgov.workflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The task facade for feature modules: start a process, list, claim and complete user tasks. No Camunda type
 * appears here; callers check who may act (segregation of duties lives in the feature module).
 */
@Service
public class WorkTasks {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    WorkTasks(RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** Starts the latest version of a process; returns the process instance id. Joins the caller's transaction. */
    public String start(String processKey, String businessKey, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(processKey, businessKey, variables).getId();
    }

    /** Tasks assigned to the user, or unassigned with a candidate group among the roles; oldest first. */
    public List<WorkTask> tasksFor(String user, Collection<String> roles, int limit) {
        var query = tasks.createTaskQuery().or().taskAssignee(user);
        if (!roles.isEmpty()) {
            query = query.taskCandidateGroupIn(List.copyOf(roles));
        }
        return views(query.endOr().orderByTaskCreateTime().asc().listPage(0, limit));
    }

    /** The tasks as views, with their business keys read in one query rather than one per task. */
    private List<WorkTask> views(List<Task> found) {
        Set<String> instances = found.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        if (!instances.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(instances).list()
                    .forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
        }
        return found.stream().map(t -> view(t, businessKeys.get(t.getProcessInstanceId()))).toList();
    }

    /** The open tasks of a process instance found by business key (any process). */
    public List<WorkTask> tasksOf(String businessKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).orderByTaskCreateTime().asc().list()
                .stream().map(t -> view(t, businessKey)).toList();
    }

    public Optional<WorkTask> task(String id) {
        return Optional.ofNullable(tasks.createTaskQuery().taskId(id).singleResult()).map(this::view);
    }

    public void claim(String taskId, String user) {
        tasks.claim(taskId, user);
    }

    /** Completes a task with process variables; the process moves on in the caller's transaction. */
    public void complete(String taskId, Map<String, Object> variables) {
        tasks.complete(taskId, variables);
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

    private WorkTask view(Task t) {
        String businessKey = t.getProcessInstanceId() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult()
                        .getBusinessKey();
        return view(t, businessKey);
    }

    private WorkTask view(Task t, String businessKey) {
        List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).sorted().toList();
        String processKey = t.getProcessDefinitionId() == null ? null : t.getProcessDefinitionId().split(":")[0];
        return new WorkTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), processKey, businessKey,
                t.getProcessInstanceId(), groups, t.getAssignee(), instant(t.getCreateTime()), instant(t.getDueDate()));
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }
}
