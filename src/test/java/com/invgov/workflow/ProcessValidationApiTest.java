package com.invgov.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

import static com.invgov.workflow.ProcessBpmn.newKey;
import static com.invgov.workflow.ProcessBpmn.process;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of DESIGN §7 for uploaded BPMN ("deploying BPMN is deploying code"): each refusal is a 422
 * {@code validation} naming the element, its line and the reason, and nothing is saved.
 */
@IntegrationTest
class ProcessValidationApiTest {

    @LocalServerPort
    int port;

    private ResponseEntity<JsonNode> upload(String bpmn) {
        return Api.as(port, "ada").post().uri("/api/v1/processes")
                .contentType(MediaType.parseMediaType("application/xml;charset=UTF-8")).body(bpmn)
                .retrieve().toEntity(JsonNode.class);
    }

    /** Asserts a 422 whose errors name {@code element} with a message containing {@code reason}; returns the error. */
    private JsonNode assertRefused(String bpmn, String element, String reason) {
        ResponseEntity<JsonNode> answer = upload(bpmn);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(422);
        assertThat(answer.getBody().get("type").asText()).endsWith("/validation");
        JsonNode errors = answer.getBody().get("errors");
        for (JsonNode error : errors) {
            if (error.get("message").asText().contains(reason)
                    && (element == null || element.equals(error.get("element").asText(null)))) {
                return error;
            }
        }
        throw new AssertionError("no error on " + element + " containing '" + reason + "' in " + answer.getBody());
    }

    /** A shipped process as the product deploys it (processes/ is on the class path). */
    private static String shipped(String key) {
        try (var in = ProcessValidationApiTest.class.getResourceAsStream("/processes/" + key + ".bpmn")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String timer(String definition) {
        return ProcessBpmn.process(ProcessBpmn.newKey(), "<bpmn:intermediateCatchEvent id=\"wait\">"
                + "<bpmn:timerEventDefinition id=\"waitTimer\">" + definition + "</bpmn:timerEventDefinition>"
                + "</bpmn:intermediateCatchEvent>");
    }

    @Test
    void timerValuesAndLoopCountsAreReadAtUploadNotWhenAnInstanceGetsThere() {
        String adjustment = shipped("adjustment-approval");
        assertRefused(adjustment.replace("PT24H", "garbage"), "timeDuration in approvalOverdueTimer",
                "timeDuration 'garbage' is not an ISO-8601 duration");
        assertRefused(adjustment.replace("PT24H", "24h"), null, "timeDuration '24h'");
        assertRefused(timer("<bpmn:timeDate>not-a-date</bpmn:timeDate>"), null, "timeDate 'not-a-date'");
        assertRefused(timer("<bpmn:timeCycle>every day</bpmn:timeCycle>"), null, "not a cycle the engine reads");
        assertRefused(timer("<bpmn:timeCycle>R/PT1S</bpmn:timeCycle>"), null, "more often than once a minute");
        assertRefused(timer("<bpmn:timeCycle>0/1 * * * * ?</bpmn:timeCycle>"), null, "more often than once a minute");
        assertRefused(ProcessBpmn.process(ProcessBpmn.newKey(), "<bpmn:userTask id=\"work\" "
                + "camunda:candidateGroups=\"OPERATOR\"><bpmn:multiInstanceLoopCharacteristics>"
                + "<bpmn:loopCardinality>100000000</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>"
                + "</bpmn:userTask>"), null, "loopCardinality '100000000'");
        assertRefused(ProcessBpmn.process(ProcessBpmn.newKey(), "<bpmn:userTask id=\"work\" "
                + "camunda:candidateGroups=\"OPERATOR\" camunda:dueDate=\"tomorrow\"/>"), "work",
                "camunda:dueDate 'tomorrow'");

        // what the engine reads passes (the shipped processes' daily cycle too: ShippedProcessesPassValidationTest)
        ResponseEntity<JsonNode> day = upload(timer("<bpmn:timeDuration>P1D</bpmn:timeDuration>"));
        assertThat(day.getStatusCode().value()).as("%s", day.getBody()).isEqualTo(201);
        ResponseEntity<JsonNode> at4 = upload(timer("<bpmn:timeDate>2030-01-01T04:00:00Z</bpmn:timeDate>"));
        assertThat(at4.getStatusCode().value()).as("%s", at4.getBody()).isEqualTo(201);
    }

    @Test
    void aNewVersionOfAShippedProcessKeepsWhatTheApplicationActsOn() {
        String adjustment = shipped("adjustment-approval");
        // a modeler's ids: the application completes "recount" and "approve" by these ids
        assertRefused(adjustment.replace("id=\"recount\"", "id=\"Activity_1recount\"")
                .replace("targetRef=\"recount\"", "targetRef=\"Activity_1recount\"")
                .replace("sourceRef=\"recount\"", "sourceRef=\"Activity_1recount\""), "recount",
                "keeps it with this id and kind");
        // "we do not recount": the RECOUNT outcome would find no way out of the gateway
        String noRecount = adjustment.replaceAll("(?s)<bpmn:sequenceFlow id=\"routeRecount\".*?</bpmn:sequenceFlow>",
                "");
        assertRefused(noRecount, "route", "${next == 'RECOUNT'}");
        // sequential approvals of an engineering change read the roles differently
        assertRefused(shipped("engineering-change").replace("isSequential=\"false\"", "isSequential=\"true\""),
                null, "multi-instance loop");
        // the old stock's disposition is part of the contract
        String engineering = shipped("engineering-change");
        assertThat(engineering).contains("id=\"dispose\"");
        assertRefused(engineering.replace("<bpmn:userTask id=\"dispose\"", "<bpmn:manualTask id=\"dispose\""),
                "dispose", "keeps it with this id and kind");

        // what a plant may change: timers, names, candidate roles, added steps
        String changed = adjustment.replace("PT24H", "PT8H").replace("name=\"Recount (blind)\"",
                "name=\"Recount by the shift lead\"");
        ResponseEntity<JsonNode> accepted = upload(changed);
        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(201);
        assertThat(accepted.getBody().get("processKey").asText()).isEqualTo("adjustment-approval");
    }

    @Test
    void aScriptTaskIsRefused() {
        JsonNode error = assertRefused(process(newKey(), """
                <bpmn:scriptTask id="script" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"""),
                "script", "script tasks are not allowed");
        assertThat(error.get("line").asInt()).isEqualTo(9);
    }

    @Test
    void aScriptListenerIsRefused() {
        assertRefused(process(newKey(), """
                <bpmn:userTask id="work" camunda:candidateGroups="OPERATOR">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:executionListener>
                  </bpmn:extensionElements>
                </bpmn:userTask>"""), "script in work", "camunda:script is not allowed");
    }

    @Test
    void aScriptInAnInputMappingOrAScriptConditionIsRefused() {
        assertRefused(process(newKey(), """
                <bpmn:userTask id="work" camunda:candidateGroups="OPERATOR">
                  <bpmn:extensionElements><camunda:inputOutput>
                    <camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:inputParameter>
                  </camunda:inputOutput></bpmn:extensionElements>
                </bpmn:userTask>"""), null, "camunda:script is not allowed");
        assertRefused(process(newKey(), """
                <bpmn:exclusiveGateway id="split"/>
                <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="end">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>"""), "conditionExpression in f3", "scripts are not allowed");
    }

    @Test
    void aJavaClassIsRefusedOnTasksAndListeners() {
        assertRefused(process(newKey(), "<bpmn:serviceTask id=\"call\" camunda:class=\"java.lang.Runtime\"/>"),
                "call", "Java classes are not allowed");
        assertRefused(process(newKey(), """
                <bpmn:userTask id="work" camunda:candidateGroups="OPERATOR">
                  <bpmn:extensionElements><camunda:executionListener event="start" class="com.example.Listener"/></bpmn:extensionElements>
                </bpmn:userTask>"""), "executionListener in work", "Java classes are not allowed");
    }

    @Test
    void anExpressionOnAServiceTaskIsRefused() {
        assertRefused(process(newKey(), "<bpmn:serviceTask id=\"call\" camunda:expression=\"${txProbeStep.execute(null)}\"/>"),
                "call", "camunda:expression is not allowed");
    }

    @Test
    void aDelegateExpressionMustNameARegisteredStep() {
        assertRefused(process(newKey(), "<bpmn:serviceTask id=\"call\" camunda:delegateExpression=\"${dataSource}\"/>"),
                "call", "'dataSource' is not a registered step");
        assertRefused(process(newKey(), """
                <bpmn:serviceTask id="call" camunda:delegateExpression="${txProbeStep.getClass()}"/>"""),
                "call", "must be exactly ${step}");
    }

    @Test
    void expressionsMayOnlyReadProcessVariables() {
        assertRefused(process(newKey(), """
                <bpmn:exclusiveGateway id="split" default="f4"/>
                <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="end">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getProcessEngineServices() != null}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="f4" sourceRef="split" targetRef="end"/>"""),
                "conditionExpression in f3", "'execution' is the engine's own object");
        assertRefused(process(newKey(), """
                <bpmn:userTask id="work" name="${order.getClass().forName('java.lang.Runtime')}" camunda:candidateGroups="OPERATOR"/>"""),
                "work", "member access ('.') is not allowed");
        assertRefused(process(newKey(), """
                <bpmn:userTask id="work" camunda:candidateGroups="OPERATOR" camunda:dueDate="${fn:now()}"/>"""),
                "work", "calls are not allowed");
    }

    @Test
    void connectorsExternalTasksTaskListenersAndFieldInjectionAreRefused() {
        assertRefused(process(newKey(), """
                <bpmn:serviceTask id="call">
                  <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>
                </bpmn:serviceTask>"""), "connector in call", "connectors (camunda:connector) are not allowed");
        assertRefused(process(newKey(), "<bpmn:serviceTask id=\"call\" camunda:type=\"external\" camunda:topic=\"t\"/>"),
                "call", "camunda:type=\"external\" is not allowed");
        assertRefused(process(newKey(), """
                <bpmn:userTask id="work" camunda:candidateGroups="OPERATOR">
                  <bpmn:extensionElements><camunda:taskListener event="create" delegateExpression="${txProbeStep}"/></bpmn:extensionElements>
                </bpmn:userTask>"""), "taskListener in work", "task listeners are not allowed");
        assertRefused(process(newKey(), """
                <bpmn:serviceTask id="call" camunda:delegateExpression="${txProbeStep}">
                  <bpmn:extensionElements><camunda:field name="x"><camunda:expression>${1}</camunda:expression></camunda:field></bpmn:extensionElements>
                </bpmn:serviceTask>"""), "field in call", "field injection (camunda:field) is not allowed");
    }

    @Test
    void candidateGroupsMustBeRolesAndCandidateUsersAreRefused() {
        assertRefused(process(newKey(), "<bpmn:userTask id=\"work\" camunda:candidateGroups=\"OPERATOR, WIZARD\"/>"),
                "work", "'WIZARD' is not a role");
        assertRefused(process(newKey(), "<bpmn:userTask id=\"work\" camunda:candidateUsers=\"olga\"/>"),
                "work", "camunda:candidateUsers is not allowed");
        assertRefused(process(newKey(), "<bpmn:userTask id=\"work\" camunda:assignee=\"olga\"/>"),
                "work", "camunda:assignee is not allowed");
    }

    @Test
    void everyProcessIsExecutableHasAHistoryTimeToLiveAndIsAloneInItsDocument() {
        String key = newKey();
        assertRefused(process(key, "<bpmn:userTask id=\"work\" camunda:candidateGroups=\"OPERATOR\"/>",
                "isExecutable=\"true\""), key, "camunda:historyTimeToLive is required");
        assertRefused(process(key, "<bpmn:userTask id=\"work\" camunda:candidateGroups=\"OPERATOR\"/>",
                "isExecutable=\"false\" camunda:historyTimeToLive=\"1\""), key, "the process must be executable");
        String two = ProcessBpmn.userTask(key, "work").replace("</bpmn:definitions>", """
                <bpmn:process id="%s-b" isExecutable="true" camunda:historyTimeToLive="1"><bpmn:startEvent id="s2"/></bpmn:process>
                </bpmn:definitions>""".formatted(key));
        assertRefused(two, null, "upload one process at a time");
    }

    @Test
    void nothingIsReadFromElsewhere() {
        String key = newKey();
        assertRefused(ProcessBpmn.userTask(key, "work").replace("<bpmn:process ",
                "<bpmn:import importType=\"http://schemas.xmlsoap.org/wsdl/\" location=\"http://example.org/x.wsdl\" namespace=\"x\"/>\n<bpmn:process "),
                null, "bpmn:import is not allowed");
        assertRefused(ProcessBpmn.userTask(key, "work").replace("targetNamespace=",
                "xsi:schemaLocation=\"urn:x http://example.org/x.xsd\" targetNamespace="), null,
                "xsi:schemaLocation is not allowed");
        assertRefused(process(key, "<bpmn:serviceTask id=\"call\" implementation=\"##WebService\"/>"), "call",
                "is not allowed (web services)");
    }

    @Test
    void xmlThatIsNotWellFormedOrNotBpmnIsA422WithItsLine() {
        JsonNode error = assertRefused("<?xml version=\"1.0\"?>\n<bpmn:definitions xmlns:bpmn=\"x\">\n<open>\n</bpmn:definitions>",
                null, "not well-formed XML");
        assertThat(error.get("line").asInt()).isEqualTo(4);
        assertRefused("<definitions/>", null, "the root element must be bpmn:definitions");
        assertRefused("", null, "the BPMN is empty");
        assertRefused("this is not xml", null, "not well-formed XML");
    }

    @Test
    void aDoctypeIsRefusedSoExternalEntitiesAreNeverRead() {
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="p" name="&xxe;" isExecutable="true"/>
                </bpmn:definitions>""";
        ResponseEntity<JsonNode> answer = upload(xxe);
        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody().toString()).contains("DOCTYPE declaration is not allowed").doesNotContain("root:");

        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <lolz>&lol3;</lolz>""";
        assertRefused(laughs, null, "DOCTYPE declaration is not allowed");
    }

    @Test
    void whatOnlyTheEnginesParserFindsIsA422Too() {
        String key = newKey();
        String dangling = process(key, "<bpmn:userTask id=\"work\" camunda:candidateGroups=\"OPERATOR\"/>")
                .replace("targetRef=\"end\"", "targetRef=\"nowhere\"");
        ResponseEntity<JsonNode> answer = upload(dangling);
        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody().get("errors")).anySatisfy(error -> {
            assertThat(error.get("element").asText()).isEqualTo("f2");
            assertThat(error.get("message").asText()).contains("nowhere");
            assertThat(error.get("line").asInt()).isEqualTo(10);
        });
    }

    @Test
    void aBodyThatIsNotUtf8IsA422() {
        byte[] latin1 = process(newKey(), "<bpmn:userTask id=\"work\" name=\"Prüfen\" camunda:candidateGroups=\"QUALITY\"/>")
                .getBytes(StandardCharsets.ISO_8859_1);
        ResponseEntity<JsonNode> answer = Api.as(port, "ada").post().uri("/api/v1/processes")
                .contentType(MediaType.APPLICATION_XML).body(latin1).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody().toString()).contains("not UTF-8");
    }

    @Test
    void aProcessThatReadsItsVariablesAndCallsARegisteredStepIsAccepted() {
        String key = newKey();
        String bpmn = process(key, """
                <bpmn:serviceTask id="call" name="Write" camunda:delegateExpression="${txProbeStep}"/>
                <bpmn:exclusiveGateway id="split"/>
                <bpmn:sequenceFlow id="f3" sourceRef="call" targetRef="split"/>
                <bpmn:sequenceFlow id="f4" sourceRef="split" targetRef="approve">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${outcome == 'APPROVE' &amp;&amp; !(amount &gt; 1000.5)}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="f5" sourceRef="split" targetRef="approve">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${empty outcome or outcome != 'APPROVE' ? true : false}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:userTask id="approve" name="Approve" camunda:candidateGroups="${role}" camunda:dueDate="${due}"/>""")
                .replace("sourceRef=\"call\" targetRef=\"end\"", "sourceRef=\"approve\" targetRef=\"end\"");
        ResponseEntity<JsonNode> answer = upload(bpmn);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(201);
        assertThat(answer.getBody().get("processKey").asText()).isEqualTo(key);
    }
}
