package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/** Every path of processes/adjustment-approval.bpmn, driven through the API, checked in the engine. */
@IntegrationTest
class AdjustmentApprovalProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;

    private final Instant countTime = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    /** An adjustment counted by olga, recounted by omar with the same result, its process waiting for approval. */
    private record Waiting(String adjustmentId, ProcessInstance instance) {
    }

    private Waiting recountedAndWaiting(AdjustmentFixture f, String counted) {
        ResponseEntity<JsonNode> first = f.count("olga", counted, "EA", countTime, null);
        String id = first.getBody().get("adjustmentId").asText();
        f.count("omar", counted, "EA", countTime, first.getBody().get("id").asText());
        return new Waiting(id, instance(id));
    }

    @BeforeEach
    void engine() {
        init(engine);
    }

    @Test
    void autoApproveRunsStraightThroughToTheEnd() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        String id = f.count("olga", "2290", "EA", countTime, null).getBody().get("adjustmentId").asText();

        assertThat(path(id)).containsExactly("start", "advance", "route", "done");
        assertThat(ended(id)).isTrue();
    }

    @Test
    void recountThenOneApprovalThenPosting() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        ResponseEntity<JsonNode> first = f.count("olga", "2260", "EA", countTime, null);
        String id = first.getBody().get("adjustmentId").asText();
        ProcessInstance pi = instance(id);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt("recount");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("OPERATOR");

        f.count("omar", "2260", "EA", countTime, first.getBody().get("id").asText());
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt("approve");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(task(pi))
                .hasCandidateGroup("INVENTORY_CONTROLLER");
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant()))
                .isBetween(Duration.ofHours(23), Duration.ofHours(25));
        assertThat(task(pi).getDueDate()).isNotNull();

        f.complete("ivan", task(pi).getId(), true, "ok");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(path(id)).containsExactly("start", "advance", "route", "recount", "advance", "route", "approve",
                "advance", "route", "done");
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count())
                .as("the escalation timer goes with the task").isZero();
    }

    @Test
    void twoApproverRolesGetOneTaskEachInOrder() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        Waiting w = recountedAndWaiting(f, "2180");
        String id = w.adjustmentId();
        ProcessInstance pi = w.instance();

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(task(pi))
                .hasCandidateGroup("INVENTORY_CONTROLLER");
        f.complete("ivan", task(pi).getId(), true, "ok");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt("approve");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("FINANCE");
        f.complete("fiona", task(pi).getId(), true, "ok");

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(path(id).stream().filter("approve"::equals).count()).isEqualTo(2);
    }

    @Test
    void anInstanceStartedBeforeTheRoutingValuesBecameTransientStillRunsOn() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        Waiting w = recountedAndWaiting(f, "2180");
        String id = w.adjustmentId();
        ProcessInstance pi = w.instance();
        assertThat(runtime.getVariables(pi.getId())).as("nothing of the routing is stored").isEmpty();
        // what an instance waiting since an older release carries: the routing values as stored variables
        runtime.setVariables(pi.getId(), java.util.Map.of("next", "APPROVE", "role", "INVENTORY_CONTROLLER",
                "approvalDue", java.util.Date.from(Instant.now().plus(Duration.ofHours(20)))));

        f.complete("ivan", task(pi).getId(), true, "ok");

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt("approve");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("FINANCE");
        assertThat(runtime.getVariable(pi.getId(), "role")).as("the stored ones are kept up to date")
                .isEqualTo("FINANCE");
        f.complete("fiona", task(pi).getId(), true, "ok");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("POSTED");
    }

    @Test
    void aRejectionEndsTheProcessWithoutPosting() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        Waiting w = recountedAndWaiting(f, "2260");
        String id = w.adjustmentId();
        ProcessInstance pi = w.instance();

        f.complete("ivan", task(pi).getId(), false, "wrong bin");

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void aVarianceThatVanishedBeforePostingEndsTheProcessClosed() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        Waiting w = recountedAndWaiting(f, "2260");
        String id = w.adjustmentId();
        ProcessInstance pi = w.instance();
        f.move("ISSUE", 40, f.location, null, countTime.minusSeconds(300));

        f.complete("ivan", task(pi).getId(), true, "ok");

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aConflictWaitsForARecount() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        Waiting w = recountedAndWaiting(f, "2260");
        String id = w.adjustmentId();
        ProcessInstance pi = w.instance();
        f.move("ISSUE", 2290, f.location, null, Instant.now().minusSeconds(30));

        f.complete("ivan", task(pi).getId(), true, "ok");

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt("recount");
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("CONFLICT");
        // pavel counts what is really there now: while the recount waits, the next count of the place is that
        // recount — 10 as of now is no variance → closed
        ResponseEntity<JsonNode> recount = f.count("pavel", "10", "EA", Instant.now(), null);
        assertThat(recount.getBody().get("adjustmentId").asText()).isEqualTo(id);
        assertThat(recount.getBody().at("/decision/outcome").asText()).isEqualTo("NO_VARIANCE");
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("CLOSED");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
    }

    @Test
    void theEscalationTimerFlagsAndLeavesTheTaskOpen() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        Waiting w = recountedAndWaiting(f, "2260");
        String id = w.adjustmentId();
        ProcessInstance pi = w.instance();
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();

        management.executeJob(timer.getId());

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isWaitingAt("approve");
        assertThat(path(id)).contains("approvalOverdue", "escalate", "escalationDone");
        assertThat(f.adjustment(id).get("escalated").asBoolean()).isTrue();
    }

    private ProcessInstance instance(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    private boolean ended(String businessKey) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).finished()
                .count() == 1;
    }

    private List<String> path(String businessKey) {
        String pid = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult().getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(pid)
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }
}
