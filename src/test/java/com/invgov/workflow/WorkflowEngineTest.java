package com.invgov.workflow;

import com.invgov.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded engine shares the application's transactions and is hardened as DESIGN §7 says. */
@IntegrationTest
class WorkflowEngineTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void probeTable() {
        jdbc.sql("CREATE SCHEMA IF NOT EXISTS test_probe").update();
        jdbc.sql("CREATE TABLE IF NOT EXISTS test_probe.writes (label text NOT NULL)").update();
    }

    @Test
    void aServiceTaskAndTheCallersWriteCommitTogether() {
        String key = UUID.randomUUID().toString();

        transaction.executeWithoutResult(tx -> {
            jdbc.sql("INSERT INTO test_probe.writes (label) VALUES (?)").param("caller:" + key).update();
            runtime.startProcessInstanceByKey("tx-probe", key, Map.of("fail", false));
        });

        assertThat(labels(key)).containsExactlyInAnyOrder("caller:" + key, "step:" + key);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).finished().count())
                .isEqualTo(1);
    }

    @Test
    void aFailingServiceTaskRollsBackTheCallersWriteAndTheProcess() {
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
            jdbc.sql("INSERT INTO test_probe.writes (label) VALUES (?)").param("caller:" + key).update();
            runtime.startProcessInstanceByKey("tx-probe", key, Map.of("fail", true));
        })).hasMessageContaining("probe step failed on purpose");

        assertThat(labels(key)).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    @Test
    void expressionsSeeOnlyRegisteredSteps() {
        String bpmn = process("expression-probe", """
                <bpmn:serviceTask id="call" camunda:expression="${dataSource.getConnection()}"/>""");
        String deployment = repository.createDeployment().addString("expression-probe.bpmn", bpmn).deploy().getId();
        try {
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("expression-probe"))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("dataSource");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void scriptTasksAreRefusedAtDeployment() {
        String bpmn = process("script-probe", """
                <bpmn:scriptTask id="script" scriptFormat="javascript"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>""");
        assertThatThrownBy(() -> repository.createDeployment().addString("script-probe.bpmn", bpmn).deploy())
                .hasMessageContaining("script tasks are not allowed");
    }

    @Test
    void javaClassesAndScriptListenersAreRefusedAtDeployment() {
        String withClass = process("class-probe", """
                <bpmn:serviceTask id="call" camunda:class="java.lang.Runtime"/>""");
        assertThatThrownBy(() -> repository.createDeployment().addString("class-probe.bpmn", withClass).deploy())
                .hasMessageContaining("Java classes are not allowed");

        String withListener = process("listener-probe", """
                <bpmn:serviceTask id="call" camunda:delegateExpression="${txProbeStep}">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:executionListener>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>""");
        assertThatThrownBy(() -> repository.createDeployment().addString("listener-probe.bpmn", withListener).deploy())
                .hasMessageContaining("camunda:script is not allowed");
    }

    @Test
    void everyProcessNeedsAHistoryTimeToLive() {
        String bpmn = process("ttl-probe", "<bpmn:userTask id=\"wait\"/>").replace("camunda:historyTimeToLive=\"1\"", "");
        assertThatThrownBy(() -> repository.createDeployment().addString("ttl-probe.bpmn", bpmn).deploy())
                .hasMessageContaining("History Time To Live");
    }

    @Test
    void expressionsInAdHocQueriesAreOff() {
        assertThatThrownBy(() -> tasks.createTaskQuery().taskAssigneeExpression("${'x'}").list())
                .hasMessageContaining("xpressions are forbidden");
    }

    @Test
    void theShippedProcessesAreDeployedWithAHistoryTimeToLive() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("tx-probe").latestVersion().singleResult()
                .getHistoryTimeToLive()).isEqualTo(1);
        repository.createProcessDefinitionQuery().latestVersion().list()
                .forEach(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull());
    }

    private java.util.List<String> labels(String key) {
        return jdbc.sql("SELECT label FROM test_probe.writes WHERE label LIKE ?").param("%:" + key).query(String.class).list();
    }

    private static String process(String id, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="d-%1$s" targetNamespace="https://invgov.example/test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="%2$s"/>
                    %3$s
                    <bpmn:sequenceFlow id="f2" sourceRef="%2$s" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(id, firstId(body), body);
    }

    private static String firstId(String body) {
        int at = body.indexOf("id=\"") + 4;
        return body.substring(at, body.indexOf('"', at));
    }
}
