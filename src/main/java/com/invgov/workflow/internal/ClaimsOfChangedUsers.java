package com.invgov.workflow.internal;

import com.invgov.security.Role;
import com.invgov.security.UserChanged;
import com.invgov.workflow.WorkTask;
import com.invgov.workflow.WorkTasks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * When an ADMIN disables a user or takes a role away, the tasks that user had claimed and may no longer do go back
 * to the inbox of their candidate roles, in the same transaction: otherwise they would stay with someone who cannot
 * complete them, and nobody else could claim them.
 */
@Component
class ClaimsOfChangedUsers {

    private final WorkTasks tasks;

    ClaimsOfChangedUsers(WorkTasks tasks) {
        this.tasks = tasks;
    }

    @EventListener
    void on(UserChanged change) {
        if (change.before() == null) {
            return;
        }
        Set<String> roles = change.after().enabled()
                ? change.after().roles().stream().map(Role::name).collect(Collectors.toSet()) : Set.of();
        for (WorkTask t : tasks.claimedBy(change.after().username())) {
            boolean stillMay = change.after().enabled()
                    && (t.candidateRoles().isEmpty() || t.candidateRoles().stream().anyMatch(roles::contains));
            if (!stillMay) {
                tasks.release(t.id());
            }
        }
    }
}
