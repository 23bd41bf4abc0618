package com.invgov.quality.internal;

import com.invgov.api.ApiProblem;
import com.invgov.api.Conflict;
import com.invgov.api.ValidationFailed;
import com.invgov.quality.DispositionCommand;
import com.invgov.quality.MrbRequest;
import com.invgov.quality.QualityHold;
import com.invgov.quality.QualityHolds;
import com.invgov.rules.model.Disposition;
import com.invgov.workflow.TaskFields;
import com.invgov.workflow.TaskKind;
import com.invgov.workflow.TaskSubject;
import com.invgov.workflow.WorkTask;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user tasks of the {@code quality-hold} process in the task inbox, completed through the same service methods
 * as the quality endpoints:
 * <ul>
 * <li>{@code disposition} (QUALITY): {@code {"lineId", "disposition", "quantity", "comment"}}; {@code lineId} may be
 * left out when one line of the hold is left</li>
 * <li>{@code mrbApproval} (QUALITY, INVENTORY_CONTROLLER): {@code {"approved", "comment"}}; not offered to whoever
 * proposed the disposition or already approved it, nor to a role that has approved already</li>
 * </ul>
 */
@Component
class QualityTasks implements TaskKind {

    static final String DISPOSITION = "disposition";
    static final String MRB = "mrbApproval";

    private final QualityHolds holds;

    QualityTasks(QualityHolds holds) {
        this.holds = holds;
    }

    @Override
    public boolean owns(WorkTask task) {
        return QualityHolds.PROCESS.equals(task.processKey());
    }

    @Override
    public Optional<ApiProblem> refusal(WorkTask task, String user) {
        if (!MRB.equals(task.taskKey())) {
            return Optional.empty();
        }
        return holds.pendingMrb(task.businessKey()).map(r -> holds.mrbRefusal(r.dispositionId()))
                .orElseGet(() -> Optional.of(new Conflict("Hold " + task.businessKey()
                        + " has no disposition waiting for MRB approval.")));
    }

    @Override
    public TaskSubject subject(WorkTask task) {
        if (MRB.equals(task.taskKey())) {
            Optional<MrbRequest> r = holds.pendingMrb(task.businessKey());
            if (r.isPresent()) {
                return new TaskSubject("disposition", r.get().dispositionId(), r.get().sku(), r.get().location(),
                        r.get().lot());
            }
        }
        QualityHold hold = holds.hold(task.businessKey());
        Optional<QualityHold.Line> first = hold.lines().stream().findFirst();
        return new TaskSubject("quality-hold", hold.id(),
                hold.sku() != null ? hold.sku() : first.map(QualityHold.Line::sku).orElse(null),
                hold.location() != null ? hold.location() : first.map(QualityHold.Line::location).orElse(null),
                hold.lot() != null && !hold.lot().isEmpty() ? hold.lot() : first.map(QualityHold.Line::lot)
                        .orElse(null));
    }

    @Override
    public void complete(WorkTask task, String user, Map<String, Object> fields) {
        TaskFields f = TaskFields.of(fields);
        if (MRB.equals(task.taskKey())) {
            boolean approved = f.requiredBoolean("approved");
            String comment = f.optionalString("comment", 1000).orElse(null);
            MrbRequest r = holds.pendingMrb(task.businessKey()).orElseThrow(() -> new Conflict("Hold "
                    + task.businessKey() + " has no disposition waiting for MRB approval."));
            holds.decideMrb(r.dispositionId(), approved, comment);
            return;
        }
        if (!DISPOSITION.equals(task.taskKey())) {
            throw new ValidationFailed("task", "no fields known for " + task.taskKey());
        }
        String lineId = lineId(fields.get("lineId"), task.businessKey());
        String name = f.requiredString("disposition", 30);
        Disposition disposition = Arrays.stream(Disposition.values()).filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new ValidationFailed("disposition", "one of " + Arrays.toString(
                        Disposition.values())));
        var quantity = f.requiredQuantity("quantity");
        String comment = f.optionalString("comment", 1000).orElse(null);
        holds.dispose(task.businessKey(), new DispositionCommand(lineId, disposition, quantity, comment));
    }

    /** The line to dispose of: as given (a string or a number), else the only line with something left. */
    private String lineId(Object value, String holdId) {
        if (value instanceof String s && !s.isBlank()) {
            return s.trim();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value != null) {
            throw new ValidationFailed("lineId", "must be the id of a line of the hold");
        }
        List<QualityHold.Line> open = holds.hold(holdId).lines().stream()
                .filter(l -> l.remaining().signum() > 0).toList();
        if (open.size() != 1) {
            throw new ValidationFailed("lineId", "required: the hold has " + open.size() + " lines left");
        }
        return open.get(0).id();
    }
}
