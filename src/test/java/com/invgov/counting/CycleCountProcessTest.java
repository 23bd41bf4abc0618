package com.invgov.counting;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.inventory.StockRefused;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import com.invgov.support.MovableClock;
import com.invgov.workflow.ProcessEvents;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * Every path of processes/cycle-count.bpmn: the daily timer start, the on-demand start (POST /count-plans), a count
 * task completed by a count, and a count task rolled over by the next planning.
 */
@IntegrationTest
class CycleCountProcessTest {

    /** A pair of the demo plant at a countable STOCK location. */
    static final String SKU = "FAS-00001";
    static final String LOCATION = "P1-WH1-A-03-03";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    ProcessEvents processEvents;
    @Autowired
    ApplicationEventPublisher publisher;

    LocalDate today;

    @BeforeEach
    void cleanSlate() {
        init(engine);
        clock.reset();
        CountPlanFixture.forgetAllPlans(jdbc, runtime);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        CountPlanFixture.forgetAllPlans(jdbc, runtime);
    }

    @Test
    void onDemandPlanningStartsOneBlindCountTaskPerPlannedLineAndPlanningTwiceAddsNothing() {
        refusedToday(SKU, LOCATION);
        LocalDate tomorrow = today.plusDays(1);

        JsonNode plans = planNow("ivan", tomorrow).getBody();
        JsonNode line = line(plans, SKU, LOCATION);
        assertThat(line.get("reason").asText()).isEqualTo("INSUFFICIENT_STOCK_REFUSED");
        assertThat(line.get("status").asText()).isEqualTo("PLANNED");
        assertThat(line.get("dueDate").asText()).isEqualTo(tomorrow.toString());
        assertThat(line.get("taskId").isNull()).isFalse();

        HistoricProcessInstance planning = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("cycle-count").processInstanceBusinessKey("plan:" + tomorrow)
                .orderByProcessInstanceStartTime().desc().list().get(0);
        assertThat(path(planning.getId())).containsExactly("onDemand", "plan", "planned");
        ProcessInstance count = countInstance(line.get("id").asText());
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(count).isWaitingAt("count");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(task(count))
                .hasCandidateGroup("OPERATOR");
        assertThat(task(count).getId()).isEqualTo(line.get("taskId").asText());
        assertThat(task(count).getDueDate()).as("due by the end of its due day")
                .isEqualTo(java.util.Date.from(tomorrow.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));

        long instances = openCountInstances();
        JsonNode again = planNow("ada", tomorrow).getBody();
        assertThat(again.toString()).isEqualTo(plans.toString());
        assertThat(openCountInstances()).isEqualTo(instances);
        assertThat(jdbc.sql("SELECT count(*) FROM count_plan WHERE day = ?").param(tomorrow).query(Long.class)
                .single()).isEqualTo(plans.get("items").size());
    }

    @Test
    void aCountWithTheTaskIdCompletesTheTaskAndTheLineOnTime() {
        refusedToday(SKU, LOCATION);
        JsonNode line = line(planNow("ivan", today.plusDays(1)).getBody(), SKU, LOCATION);
        ProcessInstance count = countInstance(line.get("id").asText());

        ResponseEntity<JsonNode> counted = count("olga", line.get("taskId").asText(), SKU, LOCATION);
        assertThat(counted.getStatusCode().value()).as("%s", counted.getBody()).isEqualTo(201);

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(count).isEnded();
        assertThat(path(count.getId())).containsExactly("countPlanned", "count", "counted");
        JsonNode after = line(plans("audrey", today.plusDays(1)), SKU, LOCATION);
        assertThat(after.get("status").asText()).isEqualTo("COUNTED");
        assertThat(after.get("countId").asText()).isEqualTo(counted.getBody().get("id").asText());
        assertThat(after.get("countedOn").asText()).isEqualTo(today.toString());
        assertThat(after.get("onTime").asBoolean()).isTrue();
    }

    @Test
    void aCountTaskNotDoneByTheNextPlanningRollsOverAndThePairHasOneOpenTask() {
        refusedToday(SKU, LOCATION);
        LocalDate first = today.plusDays(1);
        JsonNode line = line(planNow("ivan", first).getBody(), SKU, LOCATION);
        ProcessInstance count = countInstance(line.get("id").asText());

        // the next morning: yesterday's open line rolls over into today's plan
        clock.moveTo(first.plusDays(1).atTime(4, 0).toInstant(ZoneOffset.UTC));
        JsonNode next = line(planNow("ivan", first.plusDays(1)).getBody(), SKU, LOCATION);

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(count).isEnded();
        assertThat(path(count.getId())).containsExactly("countPlanned", "count", "rollOver", "rolledOver");
        assertThat(line(plans("ivan", first), SKU, LOCATION).get("status").asText()).isEqualTo("ROLLED_OVER");
        assertThat(next.get("status").asText()).isEqualTo("PLANNED");
        assertThat(next.get("dueDate").asText()).as("keeps its due date").isEqualTo(first.toString());
        assertThat(next.get("taskId").asText()).isNotEqualTo(line.get("taskId").asText());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("cycle-count").active().list().stream()
                .filter(p -> isCountOf(p, SKU, LOCATION)).count()).as("one open count task for the pair").isOne();
        // counted the day after its due date: late
        clock.moveTo(first.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC));
        assertThat(count("olga", next.get("taskId").asText(), SKU, LOCATION).getStatusCode().value()).isEqualTo(201);
        assertThat(line(plans("ivan", first.plusDays(1)), SKU, LOCATION).get("onTime").asBoolean()).isFalse();
    }

    @Test
    void planningADayAheadLeavesTodaysTasksOpenAndTheDaysBetweenToTheirOwnPlans() {
        refusedToday(SKU, LOCATION);
        LocalDate day = today.plusDays(1);
        clock.moveTo(day.atTime(4, 0).toInstant(ZoneOffset.UTC));
        JsonNode line = line(planNow("ivan", day).getBody(), SKU, LOCATION);
        ProcessInstance count = countInstance(line.get("id").asText());

        // at 10:00 a controller plans next week's Monday
        clock.moveTo(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
        JsonNode ahead = planNow("ivan", day.plusDays(5)).getBody();

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(count).isWaitingAt("count");
        assertThat(line(plans("olga", day), SKU, LOCATION).get("status").asText()).isEqualTo("PLANNED");
        assertThat(ahead.get("items")).isNotEmpty();
        ahead.get("items").forEach(plan -> assertThat(plan.get("lines")).noneSatisfy(l -> assertThat(
                l.get("sku").asText() + "@" + l.get("location").asText()).isEqualTo(SKU + "@" + LOCATION)));
        // today's count task can still be counted
        assertThat(count("olga", line.get("taskId").asText(), SKU, LOCATION).getStatusCode().value()).isEqualTo(201);
        assertThat(line(plans("olga", day), SKU, LOCATION).get("onTime").asBoolean()).isTrue();

        // the next morning still gets a plan of its own (the timer's run, here on demand)
        LocalDate next = day.plusDays(1);
        clock.moveTo(next.atTime(4, 0).toInstant(ZoneOffset.UTC));
        planNow("ivan", next);
        assertThat(jdbc.sql("SELECT count(*) FROM count_plan WHERE day = ? AND planned_by = 'ivan'").param(next)
                .query(Long.class).single()).as("every warehouse planned %s", next)
                .isEqualTo((long) ahead.get("items").size());
    }

    @Test
    void anEventCountFallsDueAsThePublishedPolicySays() {
        int published = Api.as(port, "ada").get().uri("/api/v1/rulesets/cycle-count-policy").retrieve()
                .body(JsonNode.class).get("publishedVersion").asInt();
        // the same policy, but an event count is due two days after its event (shipped: the next day)
        Map<String, Object> table = Map.of("rows", List.of(Map.of("abcClass", "A", "intervalDays", 30),
                        Map.of("abcClass", "B", "intervalDays", 90), Map.of("abcClass", "C", "intervalDays", 365)),
                "regulatedMaxIntervalDays", 30, "accuracyThresholdPct", 80.0, "eventCountDueInDays", 2,
                "dailyCapacityPerWarehouse", 200);
        ResponseEntity<JsonNode> draft = Api.as(port, "ada").post().uri("/api/v1/rulesets/cycle-count-policy/versions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("format", "TABLE", "comment", "event counts in two days", "table", table))
                .retrieve().toEntity(JsonNode.class);
        assertThat(draft.getStatusCode().value()).as("%s", draft.getBody()).isEqualTo(201);
        publish(draft.getBody().get("version").asInt());
        try {
            refusedToday(SKU, LOCATION);
            JsonNode line = line(planNow("ivan", today.plusDays(2)).getBody(), SKU, LOCATION);
            assertThat(line.get("reason").asText()).isEqualTo("INSUFFICIENT_STOCK_REFUSED");
            assertThat(line.get("dueDate").asText()).isEqualTo(today.plusDays(2).toString());
        } finally {
            publish(published);
        }
    }

    private void publish(int version) {
        ResponseEntity<JsonNode> r = Api.as(port, "alan").post()
                .uri("/api/v1/rulesets/cycle-count-policy/versions/" + version + "/publish")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @Test
    void twoPlanningRunsAtTheSameTimeMakeOnePlanPerWarehouseAndOneTaskPerPair() throws Exception {
        refusedToday(SKU, LOCATION);
        LocalDate day = today.plusDays(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> planNow("ivan", day));
            var second = pool.submit(() -> planNow("ada", day));
            assertThat(first.get().getBody().toString()).isEqualTo(second.get().getBody().toString());
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM count_plan WHERE day = ?").param(day).query(Long.class).single())
                .isEqualTo(3L);
        assertThat(jdbc.sql("SELECT count(*) FROM count_plan_line WHERE sku = ? AND location = ?")
                .params(SKU, LOCATION).query(Long.class).single()).isOne();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("cycle-count").active().list().stream()
                .filter(p -> isCountOf(p, SKU, LOCATION)).count()).isOne();
    }

    @Test
    void theDailyTimerPlansTodayAt0400AndOnlyOnce() {
        assertThat(processEvents.nextStartTimer("cycle-count")).hasValueSatisfying(next -> assertThat(
                next.atZone(ZoneId.systemDefault()).toLocalTime()).isEqualTo(LocalTime.of(4, 0)));
        LocalDate day = today.plusDays(2);
        clock.moveTo(day.atTime(4, 0).toInstant(ZoneOffset.UTC));

        assertThat(processEvents.runStartTimersNow("cycle-count")).isOne();
        assertThat(processEvents.runStartTimersNow("cycle-count")).as("a cycle timer schedules its next run").isOne();

        JsonNode plans = plans("audrey", day).get("items");
        assertThat(plans).isNotEmpty();
        assertThat(plans).allSatisfy(plan -> assertThat(plan.get("plannedBy").asText()).isEqualTo("cycle-count timer"));
        List<HistoricProcessInstance> runs = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("cycle-count").startedAfter(java.util.Date.from(Instant.now().minusSeconds(60)))
                .list().stream().filter(p -> p.getStartActivityId().equals("daily")).toList();
        assertThat(runs).hasSize(2);
        runs.forEach(run -> assertThat(path(run.getId())).containsExactly("daily", "plan", "planned"));
        assertThat(jdbc.sql("SELECT count(*) FROM count_plan WHERE day = ?").param(day).query(Long.class).single())
                .as("the second run found the day planned").isEqualTo(plans.size());
    }

    // ---- helpers

    private void refusedToday(String sku, String location) {
        publisher.publishEvent(new StockRefused("POSTING", sku, location, null, new BigDecimal("999999"), "test",
                "olga"));
    }

    private ResponseEntity<JsonNode> planNow(String user, LocalDate day) {
        ResponseEntity<JsonNode> response = Api.as(port, user).post().uri("/api/v1/count-plans")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("day", day.toString()))
                .retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response;
    }

    private JsonNode plans(String user, LocalDate day) {
        return Api.as(port, user).get().uri("/api/v1/count-plans?day=" + day).retrieve().body(JsonNode.class);
    }

    private ResponseEntity<JsonNode> count(String user, String taskId, String sku, String location) {
        BigDecimal system = jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND location = ?")
                .params(sku, location).query(BigDecimal.class).single();
        return Api.as(port, user).post().uri("/api/v1/counts").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("location", location, "sku", sku, "countedQuantity", system, "uom", "EA",
                        "countTaskId", taskId))
                .retrieve().toEntity(JsonNode.class);
    }

    /** The one line of (sku, location) in an answer of /count-plans (a page of plans). */
    static JsonNode line(JsonNode page, String sku, String location) {
        JsonNode plans = page.get("items");
        List<JsonNode> found = new ArrayList<>();
        plans.forEach(plan -> plan.get("lines").forEach(l -> {
            if (l.get("sku").asText().equals(sku) && l.get("location").asText().equals(location)) {
                found.add(l);
            }
        }));
        assertThat(found).as("line of %s at %s in %s", sku, location, plans).hasSize(1);
        return found.get(0);
    }

    private ProcessInstance countInstance(String lineId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("cycle-count")
                .processInstanceBusinessKey(lineId).singleResult();
    }

    private long openCountInstances() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("cycle-count").count();
    }

    private boolean isCountOf(ProcessInstance p, String sku, String location) {
        return sku.equals(runtime.getVariable(p.getId(), "sku")) && location.equals(runtime.getVariable(p.getId(),
                "location"));
    }

    private List<String> path(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }
}
