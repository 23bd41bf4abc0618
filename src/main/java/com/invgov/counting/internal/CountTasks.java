package com.invgov.counting.internal;

import com.invgov.inventory.MasterData;
import com.invgov.inventory.Tracking;

import com.invgov.api.ApiProblem;
import com.invgov.counting.CountPlans;
import com.invgov.counting.Counts;
import com.invgov.workflow.TaskFields;
import com.invgov.workflow.TaskKind;
import com.invgov.workflow.TaskSubject;
import com.invgov.workflow.WorkTask;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Planned count tasks of {@code cycle-count} in the task inbox: subject {@code count} with the plan line's id, item,
 * location and lot, never a quantity. Completing one through the inbox is a count: fields {@code countedQuantity},
 * {@code uom} and optionally {@code lot} and {@code serials}, exactly as {@code POST /api/v1/counts} with this
 * {@code countTaskId}.
 */
@Component
class CountTasks implements TaskKind {

    private final CountPlanStore store;
    private final Counts counts;
    private final MasterData masterData;

    CountTasks(CountPlanStore store, Counts counts, MasterData masterData) {
        this.store = store;
        this.counts = counts;
        this.masterData = masterData;
    }

    @Override
    public boolean owns(WorkTask task) {
        return CountPlans.PROCESS.equals(task.processKey()) && CountPlanning.COUNT_TASK.equals(task.taskKey());
    }

    @Override
    public Optional<ApiProblem> refusal(WorkTask task, String user) {
        // any operator may count; a recount of the adjustment a count opens is where segregation of duties starts
        return Optional.empty();
    }

    @Override
    public TaskSubject subject(WorkTask task) {
        return store.line(task.businessKey())
                .map(l -> new TaskSubject("count", l.id(), l.line().sku(), l.line().location(), l.line().lot(),
                        l.line().lot() == null ? lotsOf(l) : null))
                .orElse(TaskSubject.of("count", task.businessKey()));
    }

    /** Of a line planned without a lot: the lots a lot-tracked item still has to be counted in there, or null. */
    private List<String> lotsOf(CountPlanStore.StoredLine line) {
        boolean byLot = masterData.findItem(line.line().sku()).map(i -> i.tracking() == Tracking.LOT).orElse(false);
        List<String> lots = byLot ? store.lotsToCount(line) : List.of();
        return lots.isEmpty() ? null : lots;
    }

    @Override
    public void complete(WorkTask task, String user, Map<String, Object> fields) {
        TaskFields f = TaskFields.of(fields);
        BigDecimal quantity = f.requiredQuantity("countedQuantity");
        String uom = f.requiredString("uom", 20);
        String lot = f.optionalString("lot", 60).orElse(null);
        List<String> serials = f.optionalStrings("serials", 1000, 60).orElse(null);
        var line = store.line(task.businessKey())
                .orElseThrow(() -> new com.invgov.api.NotFound("count plan line", task.businessKey()));
        counts.count(line.line().location(), line.line().sku(), lot == null ? line.line().lot() : lot, quantity, uom,
                serials, task.id(), null, null);
    }
}
