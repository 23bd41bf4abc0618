package com.invgov.counting.internal;

import com.invgov.workflow.ServiceStep;
import com.invgov.workflow.StepContext;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The {@code plan} step of {@code cycle-count}: plans the day in the variable {@code day} (on demand) or today (the
 * daily timer) and records what it did in the variables {@code plannedWarehouses} and {@code countTasks}.
 */
@Component("planCycleCounts")
class PlanCycleCountsStep implements ServiceStep {

    private final CountPlanning planning;

    PlanCycleCountsStep(CountPlanning planning) {
        this.planning = planning;
    }

    @Override
    public void execute(StepContext context) {
        LocalDate day = context.variable("day", String.class).map(LocalDate::parse).orElseGet(planning::today);
        String by = context.variable("requestedBy", String.class).orElse(CountPlanning.TIMER_ACTOR);
        CountPlanning.PlanningRun run = planning.plan(day, by);
        context.setVariable("day", day.toString());
        context.setVariable("plannedWarehouses", String.join(",", run.plannedWarehouses()));
        context.setVariable("countTasks", run.tasks());
    }
}
