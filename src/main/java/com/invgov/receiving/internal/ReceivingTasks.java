package com.invgov.receiving.internal;

import com.invgov.api.ApiProblem;
import com.invgov.api.ValidationFailed;
import com.invgov.receiving.CheckResult;
import com.invgov.receiving.Receipt;
import com.invgov.receiving.Receiving;
import com.invgov.workflow.TaskFields;
import com.invgov.workflow.TaskKind;
import com.invgov.workflow.TaskSubject;
import com.invgov.workflow.WorkTask;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user tasks of the {@code receiving} process in the task inbox; completing one calls the same service method
 * as the receipt endpoints, so the postings and checks are the same:
 * <ul>
 * <li>{@code approveOverReceipt} (the roles the receipt-tolerance decision named, PLANNER by default; not whoever
 * received it): {@code {"approved": true|false}}</li>
 * <li>{@code inspect} (QUALITY): {@code {"checks": [{"name", "passed"} | {"name", "value"}, ...]}} for the item
 * category's checklist, or {@code {"passed": true|false}}</li>
 * <li>{@code putaway} (OPERATOR): {@code {"location": "..."}}, or {@code {}} for the suggested location</li>
 * </ul>
 */
@Component
class ReceivingTasks implements TaskKind {

    private final Receiving receiving;

    ReceivingTasks(Receiving receiving) {
        this.receiving = receiving;
    }

    @Override
    public boolean owns(WorkTask task) {
        return Receiving.PROCESS.equals(task.processKey());
    }

    @Override
    public Optional<ApiProblem> refusal(WorkTask task, String user) {
        return "approveOverReceipt".equals(task.taskKey())
                ? receiving.overReceiptRefusal(receiving.receipt(task.businessKey()), user) : Optional.empty();
    }

    @Override
    public TaskSubject subject(WorkTask task) {
        Receipt r = receiving.receipt(task.businessKey());
        return new TaskSubject("receipt", r.id(), r.sku(), r.location(), r.lot());
    }

    @Override
    public void complete(WorkTask task, String user, Map<String, Object> fields) {
        TaskFields f = TaskFields.of(fields);
        switch (task.taskKey()) {
            case "approveOverReceipt" -> receiving.decideOverReceipt(task.businessKey(), f.requiredBoolean("approved"));
            case "inspect" -> {
                List<CheckResult> checks = checks(fields.get("checks"));
                Boolean passed = f.optionalBoolean("passed").orElse(null);
                if (checks.isEmpty() && passed == null) {
                    throw new ValidationFailed("checks", "required: the checklist's checks, or passed");
                }
                receiving.recordInspection(task.businessKey(), passed, checks);
            }
            case "putaway" -> receiving.putAway(task.businessKey(), f.optionalString("location", 60)
                    .filter(s -> !s.isBlank()).orElse(null));
            default -> throw new ValidationFailed("task", "no fields known for " + task.taskKey());
        }
    }

    /** The {@code checks} field: a list of {name, passed} or {name, value}; anything else is a 422 naming it. */
    private static List<CheckResult> checks(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ValidationFailed("checks", "must be a list of {name, passed} or {name, value}");
        }
        List<CheckResult> checks = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                throw new ValidationFailed("checks[" + i + "]", "must be an object {name, passed} or {name, value}");
            }
            @SuppressWarnings("unchecked")
            TaskFields check = TaskFields.of((Map<String, Object>) raw);
            String at = "checks[" + i + "].";
            String name;
            Boolean passed;
            BigDecimal measured;
            try {
                name = check.requiredString("name", 100);
                passed = check.optionalBoolean("passed").orElse(null);
                measured = measured(raw.get("value"));
            } catch (ValidationFailed e) {
                throw new ValidationFailed(at + e.errors().get(0).field(), e.errors().get(0).message());
            }
            checks.add(new CheckResult(name, passed, measured));
        }
        return checks;
    }

    /** A measured value may be negative (a deviation), unlike a quantity. */
    private static BigDecimal measured(Object value) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof Number || value instanceof String) {
                return com.invgov.api.DecimalLimits.parse(value.toString());
            }
        } catch (NumberFormatException e) {
            throw new ValidationFailed("value", "is not a number".equals(e.getMessage()) ? "must be a number"
                    : e.getMessage());
        }
        throw new ValidationFailed("value", "must be a number");
    }
}
