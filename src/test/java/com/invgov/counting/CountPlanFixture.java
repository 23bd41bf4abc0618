package com.invgov.counting;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test helper: a clean slate of count plans (the plan tables are shared by the tests of one context). */
public final class CountPlanFixture {

    private CountPlanFixture() {
    }

    /**
     * Ends every open count task (as rolled over) and forgets all plans, event counts and first sightings, and the
     * future-dated counts that tests with a moved clock made (they would answer later tests' event counts).
     */
    public static void forgetAllPlans(JdbcClient jdbc, RuntimeService runtime) {
        for (String id : jdbc.sql("SELECT id::text FROM count_plan_line WHERE status = 'PLANNED'")
                .query(String.class).list()) {
            runtime.createMessageCorrelation("cycle-count.rolled-over").processInstanceBusinessKey(id).correlateAll();
        }
        jdbc.sql("DELETE FROM count_plan_line").update();
        jdbc.sql("DELETE FROM count_plan").update();
        jdbc.sql("DELETE FROM count_event").update();
        jdbc.sql("DELETE FROM count_pair").update();
        jdbc.sql("DELETE FROM count_result WHERE event_time > now() + interval '5 minutes'").update();
    }
}
