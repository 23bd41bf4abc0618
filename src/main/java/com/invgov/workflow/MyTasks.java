package com.invgov.workflow;

import com.invgov.api.ApiProblem;
import com.invgov.api.Conflict;
import com.invgov.api.Cursor;
import com.invgov.api.FieldProblem;
import com.invgov.api.NotFound;
import com.invgov.api.Page;
import com.invgov.api.Transactions;
import com.invgov.api.ValidationFailed;
import com.invgov.security.CurrentUser;
import com.invgov.security.NotPermitted;
import com.invgov.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
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
    private final Transactions transactions;

    MyTasks(WorkTasks tasks, List<TaskKind> kinds, CurrentUser user, Transactions transactions) {
        this.tasks = tasks;
        this.kinds = List.copyOf(kinds);
        this.user = user;
        this.transactions = transactions;
    }

    /** Oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<TaskItem> list(int limit) {
        return page(null, limit).items();
    }

    /**
     * One page of the inbox in a stable order (create time, then id), at most {@code limit} tasks after the cursor
     * {@code after} (null: from the start); {@code next} continues after the last one, null on the last page. A
     * cursor this API did not give out is 400.
     */
    @Transactional(readOnly = true)
    public Page<TaskItem> page(String after, int limit) {
        Position from = Position.of(after);
        String me = user.requireUsername();
        Set<String> roles = roleNames();
        List<TaskItem> mine = new ArrayList<>();
        // tasks segregation of duties refuses the user are not listed: read on until the page (and one more, to
        // know whether there is a next page) is full or the tasks run out
        int window = Math.max(limit * 2, 100);
        for (int first = 0; mine.size() <= limit; first += window) {
            List<WorkTask> batch = tasks.tasksFor(me, roles, from == null ? null : from.created(), first, window);
            for (WorkTask t : batch) {
                if (from != null && !from.isBefore(t) || !mayActOn(t, me, roles)) {
                    continue;
                }
                Optional<TaskKind> kind = kindOf(t);
                if (kind.isPresent() && kind.get().refusal(t, me).isPresent()) {
                    continue;
                }
                mine.add(item(t, kind));
                if (mine.size() > limit) {
                    break;
                }
            }
            if (batch.size() < window) {
                break;
            }
        }
        return Page.of(mine, limit, Position::cursorOf);
    }

    /** Where a page ends: the last task's create time (milliseconds, as the engine keeps it) and id. */
    private record Position(Instant created, String id) {

        /** 9999-12-31T23:59:59.999Z: no task is created later; a cursor beyond is not one this API gave out. */
        private static final long LATEST = 253_402_300_799_999L;

        static Position of(String cursor) {
            String position = Cursor.decode(cursor);
            if (position == null) {
                return null;
            }
            int colon = position.indexOf(':');
            try {
                long millis = colon > 0 ? Long.parseLong(position.substring(0, colon)) : -1;
                if (millis >= 0 && millis <= LATEST && colon < position.length() - 1) {
                    return new Position(Instant.ofEpochMilli(millis), position.substring(colon + 1));
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal
            }
            throw ValidationFailed.badRequest("after is not a cursor this API gave out",
                    List.of(new FieldProblem("after", "not a cursor this API gave out")));
        }

        static String cursorOf(TaskItem t) {
            return millis(t.created()) + ":" + t.id();
        }

        /** Whether this position comes before the task in the inbox's order. */
        boolean isBefore(WorkTask t) {
            long theirs = millis(t.created());
            long mine = created.toEpochMilli();
            return mine < theirs || (mine == theirs && id.compareTo(t.id()) < 0);
        }

        private static long millis(Instant created) {
            return created == null ? 0 : created.toEpochMilli();
        }
    }

    /** One task the user may act on (404 when there is none, 403 when it is not theirs or SoD forbids it). */
    @Transactional(readOnly = true)
    public TaskItem task(String taskId) {
        WorkTask t = mayAct(taskId, user.requireUsername());
        return item(t, kindOf(t));
    }

    /**
     * Claims the task for the user; claiming one's own task again answers with it. 409 when someone else holds it,
     * also when they claimed it at the same moment; a claim that raced another of the same user answers as that one.
     */
    public TaskItem claim(String taskId) {
        String me = user.requireUsername();
        try {
            return transactions.inTransaction(() -> claimOnce(taskId, me));
        } catch (TaskChanged e) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw e;
            }
            // someone claimed or completed it meanwhile: look again (theirs: 409; ours: the task; gone: 404)
            return transactions.inTransaction(() -> claimOnce(taskId, me));
        }
    }

    private TaskItem claimOnce(String taskId, String me) {
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

    /**
     * Whether the user may act on the task: they hold one of its candidate roles (also when they claimed it: a claim
     * does not outlive the role an ADMIN took away), or, for a task without candidate roles, it is assigned to them.
     */
    private static boolean mayActOn(WorkTask t, String me, Set<String> roles) {
        return t.candidateRoles().isEmpty() ? me.equals(t.assignee())
                : t.candidateRoles().stream().anyMatch(roles::contains);
    }

    private WorkTask mayAct(String taskId, String me) {
        WorkTask t = tasks.task(taskId).orElseThrow(() -> new NotFound("task", taskId));
        boolean mine = mayActOn(t, me, roleNames());
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
