package com.invgov.adjustment.internal;

import com.invgov.adjustment.Adjustments;
import com.invgov.adjustment.SegregationOfDuties;
import com.invgov.api.ApiProblem;
import com.invgov.api.NotFound;
import com.invgov.api.ValidationFailed;
import com.invgov.workflow.TaskFields;
import com.invgov.workflow.TaskKind;
import com.invgov.workflow.TaskSubject;
import com.invgov.workflow.WorkTask;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The recount and approval tasks of {@code adjustment-approval} in the task inbox. */
@Component
class AdjustmentTasks implements TaskKind {

    private final AdjustmentStore store;
    private final Adjustments adjustments;

    AdjustmentTasks(AdjustmentStore store, Adjustments adjustments) {
        this.store = store;
        this.adjustments = adjustments;
    }

    @Override
    public boolean owns(WorkTask task) {
        return Adjustments.PROCESS.equals(task.processKey());
    }

    @Override
    public Optional<ApiProblem> refusal(WorkTask task, String user) {
        Optional<AdjustmentRequest> a = store.find(UUID.fromString(task.businessKey()));
        if (a.isEmpty()) {
            return Optional.of(new NotFound("adjustment", task.businessKey()));
        }
        return Optional.ofNullable(AdjustmentService.sodBreach(a.get(), task, user)).map(SegregationOfDuties::new);
    }

    @Override
    public TaskSubject subject(WorkTask task) {
        return store.find(UUID.fromString(task.businessKey()))
                .map(a -> new TaskSubject("adjustment", task.businessKey(), a.sku, a.location, a.lot))
                .orElse(TaskSubject.of("adjustment", task.businessKey()));
    }

    @Override
    public void complete(WorkTask task, String user, Map<String, Object> fields) {
        if (AdjustmentService.RECOUNT_TASK.equals(task.taskKey())) {
            throw new ValidationFailed("countedQuantity",
                    "a recount is completed by POST /api/v1/counts with countTaskId (or recountOf)");
        }
        TaskFields f = TaskFields.of(fields);
        boolean approved = f.requiredBoolean("approved");
        String comment = f.optionalString("comment", 2000).orElse(null);
        adjustments.complete(task.id(), approved, comment);
    }
}
