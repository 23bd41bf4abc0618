package com.invgov.workflow;

import com.invgov.api.ApiProblem;
import com.invgov.api.Conflict;
import com.invgov.api.NotFound;
import com.invgov.security.CurrentUser;
import com.invgov.security.NotPermitted;
import com.invgov.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in user's task inbox across every process: tasks assigned to them or unclaimed for one of their
 * roles, minus those their module's {@link TaskKind} refuses them (segregation of duties); claim and complete with
 * the same checks. A task no kind owns is listed but cannot be completed here.
 */
@Service
public class MyTasks {

    private final WorkTasks tasks;
    private final List<TaskKind> kinds;
    private final CurrentUser user;

    MyTasks(WorkTasks tasks, List<TaskKind> kinds, CurrentUser user) {
        this.tasks = tasks;
        this.kinds = List.copyOf(kinds);
        this.user = user;
    }

    /** Oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<TaskItem> list(int limit) {
        String me = user.requireUsername();
        List<TaskItem> mine = new ArrayList<>();
        int window = Math.max(limit * 2, 100);
        for (WorkTask t : tasks.tasksFor(me, roleNames(), window)) {
            Optional<TaskKind> kind = kindOf(t);
            if (kind.isPresent() && kind.get().refusal(t, me).isPresent()) {
                continue;
            }
            mine.add(item(t, kind));
            if (mine.size() >= limit) {
                break;
            }
        }
        return mine;
    }

    /** One task the user may act on (404 when there is none, 403 when it is not theirs or SoD forbids it). */
    @Transactional(readOnly = true)
    public TaskItem task(String taskId) {
        WorkTask t = mayAct(taskId, user.requireUsername());
        return item(t, kindOf(t));
    }

    @Transactional
    public TaskItem claim(String taskId) {
        String me = user.requireUsername();
        WorkTask t = mayAct(taskId, me);
        if (t.assignee() != null && !t.assignee().equals(me)) {
            throw new Conflict("Task " + taskId + " is claimed by " + t.assignee() + ".");
        }
        if (t.assignee() == null) {
            tasks.claim(taskId, me);
        }
        WorkTask claimed = tasks.task(taskId).orElseThrow(() -> new NotFound("task", taskId));
        return item(claimed, kindOf(claimed));
    }

    /** Completes the task with its kind's fields; 409 when someone else holds it or no kind completes it here. */
    @Transactional
    public void complete(String taskId, Map<String, Object> fields) {
        String me = user.requireUsername();
        WorkTask t = mayAct(taskId, me);
        if (t.assignee() != null && !t.assignee().equals(me)) {
            throw new Conflict("Task " + taskId + " is claimed by " + t.assignee() + ".");
        }
        TaskKind kind = kindOf(t).orElseThrow(() -> new Conflict(
                "Task " + taskId + " (" + t.name() + ") is not completed through the task inbox."));
        kind.complete(t, me, fields == null ? Map.of() : fields);
    }

    private WorkTask mayAct(String taskId, String me) {
        WorkTask t = tasks.task(taskId).orElseThrow(() -> new NotFound("task", taskId));
        Set<String> roles = roleNames();
        boolean mine = me.equals(t.assignee()) || t.candidateRoles().stream().anyMatch(roles::contains);
        if (!mine) {
            throw new NotPermitted("act on task " + taskId, t.candidateRoles().stream().map(Role::parse)
                    .flatMap(Optional::stream).collect(Collectors.toSet()));
        }
        Optional<ApiProblem> refusal = kindOf(t).flatMap(k -> k.refusal(t, me));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return t;
    }

    private Optional<TaskKind> kindOf(WorkTask t) {
        return kinds.stream().filter(k -> k.owns(t)).findFirst();
    }

    private Set<String> roleNames() {
        return user.roles().stream().map(Role::name).collect(Collectors.toSet());
    }

    private static TaskItem item(WorkTask t, Optional<TaskKind> kind) {
        TaskSubject subject = kind.map(k -> k.subject(t)).orElse(TaskSubject.of("process", t.businessKey()));
        return new TaskItem(t.id(), t.name(), t.taskKey(), t.processKey(), t.businessKey(), t.candidateRoles(),
                t.assignee(), t.created(), t.due(), subject);
    }
}
