package com.invgov.engineering.internal;

import com.invgov.api.ApiProblem;
import com.invgov.api.NotFound;
import com.invgov.api.ProblemType;
import com.invgov.api.ValidationFailed;
import com.invgov.engineering.EngineeringChanges;
import com.invgov.engineering.StockDisposition;
import com.invgov.workflow.TaskFields;
import com.invgov.workflow.TaskKind;
import com.invgov.workflow.TaskSubject;
import com.invgov.workflow.WorkTask;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The approval and disposition tasks of {@code engineering-change} in the task inbox: an approval takes
 * {@code {approved, comment}} (a rejection needs the comment), the disposition {@code {disposition, note}}.
 */
@Component
class EcoTasks implements TaskKind {

    private final EngineeringChangeService changes;

    EcoTasks(EngineeringChangeService changes) {
        this.changes = changes;
    }

    @Override
    public boolean owns(WorkTask task) {
        return EngineeringChanges.PROCESS.equals(task.processKey());
    }

    @Override
    public Optional<ApiProblem> refusal(WorkTask task, String user) {
        if (!EngineeringChangeService.APPROVE_TASK.equals(task.taskKey())) {
            return Optional.empty();
        }
        if (changes.find(task.businessKey()).isEmpty()) {
            return Optional.of(new NotFound("engineering change", task.businessKey()));
        }
        return changes.approvalRefusal(task.businessKey(), user)
                .map(why -> new ApiProblem(ProblemType.SEGREGATION_OF_DUTIES, why));
    }

    @Override
    public TaskSubject subject(WorkTask task) {
        return changes.find(task.businessKey())
                .map(c -> new TaskSubject("eco", c.id(), c.product(), null, null))
                .orElse(TaskSubject.of("eco", task.businessKey()));
    }

    @Override
    public void complete(WorkTask task, String user, Map<String, Object> fields) {
        TaskFields f = TaskFields.of(fields);
        if (EngineeringChangeService.DISPOSITION_TASK.equals(task.taskKey())) {
            String value = f.requiredString("disposition", 40).trim();
            StockDisposition disposition = Arrays.stream(StockDisposition.values())
                    .filter(d -> d.name().equals(value)).findFirst()
                    .orElseThrow(() -> new ValidationFailed("disposition", "one of "
                            + Arrays.toString(StockDisposition.values())));
            changes.dispose(task, user, disposition, f.optionalString("note", 2000).orElse(null));
            return;
        }
        boolean approved = f.requiredBoolean("approved");
        changes.decide(task, user, approved, f.optionalString("comment", 2000).orElse(null));
    }
}
