package com.invgov.engineering;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/** Every path of processes/engineering-change.bpmn, driven through the API, checked in the engine and the BOM. */
@IntegrationTest
class EngineeringChangeProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;

    @BeforeEach
    void engine() {
        init(engine);
    }

    @Test
    void approvedByAllThenDispositionThenTheTimerActivatesTheNewRevision() {
        EcoFixture f = EcoFixture.product(port, jdbc);
        String keep = f.component("KEEP", "2.00", false);
        String old = f.component("OLD", "3.00", false);
        String fresh = f.component("NEW", "4.00", false);
        f.bom("A", "ACTIVE", keep + ":2", old + ":1");
        f.stock(old, 10);
        // an order opened on revision A before the change keeps revision A
        ResponseEntity<JsonNode> order = f.post("petra", "/api/v1/production-orders", """
                {"sku": "%s", "bomRevision": "A", "quantity": 5}""".formatted(f.product));
        assertThat(order.getStatusCode().value()).as("%s", order.getBody()).isEqualTo(201);
        String orderId = order.getBody().get("id").asText();

        JsonNode eco = f.raised(EcoFixture.tomorrow(), keep + ":2", fresh + ":1");
        String id = eco.get("id").asText();
        assertThat(eco.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(eco.get("fromRevision").asText()).isEqualTo("A");
        assertThat(eco.get("toRevision").asText()).isEqualTo("B");
        assertThat(eco.at("/routing/approverRoles").toString()).isEqualTo("[\"ENGINEER\",\"PLANNER\"]");
        assertThat(eco.at("/routing/ruleSet").asText()).isEqualTo("eco-routing");
        assertThat(eco.at("/routing/ruleSetVersion").asInt()).isPositive();
        assertThat(eco.at("/routing/firedRules")).hasSize(1);
        assertThat(eco.at("/impact/obsoleteWriteOffValue").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(eco.at("/impact/openOrders/0/id").asText()).isEqualTo(orderId);

        ProcessInstance pi = instance(id);
        List<org.camunda.bpm.engine.task.Task> approvals = taskService.createTaskQuery()
                .processInstanceId(pi.getId()).taskDefinitionKey("approve").list();
        assertThat(approvals).as("one approval task per routed role, open at once").hasSize(2);
        assertThat(approvals.stream().flatMap(t -> taskService.getIdentityLinksForTask(t.getId()).stream())
                .map(l -> l.getGroupId()).toList()).containsExactlyInAnyOrder("ENGINEER", "PLANNER");

        f.approve("petra", id);
        assertThat(f.change(id).get("status").asText()).isEqualTo("PENDING_APPROVAL");
        f.approve(EcoFixture.SECOND_ENGINEER, id);
        JsonNode approved = f.change(id);
        assertThat(approved.get("status").asText()).isEqualTo("PENDING_DISPOSITION");
        assertThat(approved.get("approvals")).hasSize(2);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt("dispose");

        f.dispose("petra", id, "SCRAP");
        JsonNode scheduled = f.change(id);
        assertThat(scheduled.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(scheduled.at("/disposition/disposition").asText()).isEqualTo("SCRAP");
        assertThat(scheduled.at("/disposition/by").asText()).isEqualTo("petra");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt("effectivityDate");
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(f.revisions()).as("nothing changes before the effectivity date").isEqualTo(Map.of("A", "ACTIVE"));

        management.executeJob(timer.getId());

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
        JsonNode activated = f.change(id);
        assertThat(activated.get("status").asText()).isEqualTo("ACTIVATED");
        assertThat(activated.get("activatedAt").isNull()).isFalse();
        assertThat(f.revisions()).isEqualTo(Map.of("A", "SUPERSEDED", "B", "ACTIVE"));
        assertThat(path(id)).containsSubsequence("start", "assess", "approve", "approve", "decided", "approved",
                "dispose", "schedule", "effective", "effectivityDate", "activate", "activatedEnd");
        // new orders take revision B; A is refused; the order opened on A keeps it
        ResponseEntity<JsonNode> onA = f.post("petra", "/api/v1/production-orders", """
                {"sku": "%s", "bomRevision": "A", "quantity": 1}""".formatted(f.product));
        assertThat(onA.getStatusCode().value()).isEqualTo(422);
        ResponseEntity<JsonNode> onB = f.post("petra", "/api/v1/production-orders", """
                {"sku": "%s", "bomRevision": "B", "quantity": 1}""".formatted(f.product));
        assertThat(onB.getStatusCode().value()).as("%s", onB.getBody()).isEqualTo(201);
        JsonNode running = Api.as(port, "petra").get().uri("/api/v1/production-orders/" + orderId).retrieve()
                .body(JsonNode.class);
        assertThat(running.get("bomRevision").asText()).isEqualTo("A");

        // the audit trail: who raised, approved and disposed; the timer changed the product's active revision
        assertThat(com.invgov.support.AuditEntries.of(port, "eco", id))
                .extracting(e -> e.get("action").asText() + " by " + e.get("actor").asText())
                .containsExactly("ECO_DISPOSITION_DECIDED by petra", "ECO_APPROVED by " + EcoFixture.SECOND_ENGINEER,
                        "ECO_APPROVED by petra", "ECO_RAISED by " + eco.get("raisedBy").asText());
        JsonNode activation = com.invgov.support.AuditEntries.of(port, "bom", f.product).get(0);
        assertThat(activation.get("action").asText()).isEqualTo("BOM_REVISION_ACTIVATED");
        assertThat(activation.get("actor").asText()).isEqualTo("system");
        assertThat(activation.at("/before/activeRevision").asText()).isEqualTo("A");
        assertThat(activation.at("/after/activeRevision").asText()).isEqualTo("B");
    }

    @Test
    void aRejectionWithACommentEndsTheChangeRejectedAndCancelsTheOtherApprovals() {
        EcoFixture f = EcoFixture.product(port, jdbc);
        String a = f.component("A", "1.00", false);
        String b = f.component("B", "1.00", false);
        f.bom("A", "ACTIVE", a + ":1");
        String id = f.raised(EcoFixture.tomorrow(), a + ":1", b + ":1").get("id").asText();
        ProcessInstance pi = instance(id);
        JsonNode task = f.taskOf("petra", id, "approve");

        ResponseEntity<JsonNode> noComment = f.complete("petra", task.get("id").asText(), "{\"approved\": false}");
        assertThat(noComment.getStatusCode().value()).isEqualTo(422);
        assertThat(noComment.getBody().at("/errors/0/field").asText()).isEqualTo("comment");
        assertThat(f.change(id).get("status").asText()).isEqualTo("PENDING_APPROVAL");

        ResponseEntity<JsonNode> r = f.complete("petra", task.get("id").asText(),
                "{\"approved\": false, \"comment\": \"supplier of B not qualified\"}");
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(204);

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
        JsonNode rejected = f.change(id);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/approvals/0/approved").asBoolean()).isFalse();
        assertThat(rejected.at("/approvals/0/comment").asText()).isEqualTo("supplier of B not qualified");
        assertThat(f.taskOf(EcoFixture.SECOND_ENGINEER, id, "approve")).as("the engineer's task is gone").isNull();
        assertThat(path(id)).contains("reject", "rejectedEnd").doesNotContain("dispose", "activate");
        assertThat(f.revisions()).isEqualTo(Map.of("A", "ACTIVE"));
        // the product is free for the next change, which may take the same revision name
        assertThat(f.raised(EcoFixture.tomorrow(), a + ":2").get("toRevision").asText()).isEqualTo("B");
    }

    @Test
    void effectiveTodayActivatesRightAfterTheDispositionWithoutATimer() {
        EcoFixture f = EcoFixture.product(port, jdbc);
        String a = f.component("A", "1.00", false);
        f.bom("A", "ACTIVE", a + ":1");
        String id = f.raised(EcoFixture.today(), a + ":3").get("id").asText();
        ProcessInstance pi = instance(id);
        f.approve(EcoFixture.SECOND_ENGINEER, id);
        f.approve("petra", id);

        f.dispose("erik", id, "USE_UP");

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(f.change(id).get("status").asText()).isEqualTo("ACTIVATED");
        assertThat(path(id)).contains("effective", "activate").doesNotContain("effectivityDate");
        assertThat(f.revisions()).isEqualTo(Map.of("A", "SUPERSEDED", "B", "ACTIVE"));
        assertThat(jdbc.sql("SELECT quantity FROM bom_line WHERE product = ? AND revision = 'B'").param(f.product)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("3");
    }

    @Test
    void aFirstRevisionOfAProductWithoutBomIsRevisionA() {
        EcoFixture f = EcoFixture.product(port, jdbc);
        String a = f.component("A", "1.00", false);
        JsonNode eco = f.raised(EcoFixture.today(), a + ":1");
        assertThat(eco.get("fromRevision").isNull()).isTrue();
        assertThat(eco.get("toRevision").asText()).isEqualTo("A");
        assertThat(eco.at("/impact/changes/0/change").asText()).isEqualTo("ADDED");
        assertThat(eco.at("/impact/outgoing")).isEmpty();
    }

    private ProcessInstance instance(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    private List<String> path(String businessKey) {
        String pid = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult().getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(pid)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

}
