package com.invgov.workflow.internal;

import com.invgov.workflow.BpmnProblem;
import com.invgov.workflow.BpmnRefused;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upload rules on the XML alone, for the cases the API tests do not show one by one. */
class BpmnSafetyCheckTest {

    private static List<BpmnProblem> problems(String processAttributes, String body) {
        String xml = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process %s>
                    %s
                  </bpmn:process>
                </bpmn:definitions>""".formatted(processAttributes, body);
        return BpmnSafetyCheck.problems(BpmnXml.read(xml), Set.of("postAdjustment"), Set.of("OPERATOR", "QUALITY"));
    }

    private static List<BpmnProblem> problems(String body) {
        return problems("id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"30\"", body);
    }

    private static List<String> messages(List<BpmnProblem> problems) {
        return problems.stream().map(BpmnProblem::message).toList();
    }

    @Test
    void aRegisteredStepRoleGroupsVariablesAndProseInDocumentationPass() {
        assertThat(problems("""
                <bpmn:documentation>see ${execution.getProcessEngineServices()} - words, not evaluated</bpmn:documentation>
                <bpmn:serviceTask id="post" camunda:delegateExpression="${postAdjustment}">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="end" delegateExpression="${postAdjustment}"/>
                    <camunda:inputOutput><camunda:inputParameter name="x">${amount}</camunda:inputParameter></camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:userTask id="t" camunda:candidateGroups="OPERATOR,QUALITY" camunda:formKey="count"/>
                <bpmn:userTask id="u" camunda:candidateGroups="${approverRoles}"/>""")).isEmpty();
    }

    @Test
    void scriptResourcesDmnCmmnAndVariableMappingClassesAreRefused() {
        assertThat(messages(problems("""
                <bpmn:sequenceFlow id="f" sourceRef="a" targetRef="b">
                  <bpmn:conditionExpression camunda:resource="deployment://x.js">x</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:businessRuleTask id="r" camunda:decisionRef="d"/>
                <bpmn:callActivity id="c" calledElement="other" camunda:variableMappingClass="com.example.Mapping"/>
                <bpmn:callActivity id="k" camunda:caseRef="case"/>""")))
                .anySatisfy(m -> assertThat(m).contains("external script resources"))
                .anySatisfy(m -> assertThat(m).contains("camunda:decisionRef is not allowed"))
                .anySatisfy(m -> assertThat(m).contains("Java classes are not allowed (camunda:variableMappingClass"))
                .anySatisfy(m -> assertThat(m).contains("camunda:caseRef is not allowed"));
    }

    @Test
    void potentialOwnersMixedGroupsAndExpressionsInTimersAreRefused() {
        assertThat(messages(problems("""
                <bpmn:userTask id="t"><bpmn:potentialOwner><bpmn:resourceAssignmentExpression>
                  <bpmn:formalExpression>group(OPERATOR)</bpmn:formalExpression></bpmn:resourceAssignmentExpression>
                </bpmn:potentialOwner></bpmn:userTask>
                <bpmn:userTask id="u" camunda:candidateGroups="OPERATOR, ${more}"/>
                <bpmn:intermediateCatchEvent id="w"><bpmn:timerEventDefinition>
                  <bpmn:timeDate>${dateTime().plusDays(1)}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""")))
                .anySatisfy(m -> assertThat(m).contains("bpmn:potentialOwner is not allowed"))
                .anySatisfy(m -> assertThat(m).contains("either role names or one expression"))
                .anySatisfy(m -> assertThat(m).contains("'dateTime' is the engine's own object"));
    }

    @Test
    void theProcessKeyIsPlainText() {
        assertThat(messages(problems("id=\"bad key!\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\"", "")))
                .anySatisfy(m -> assertThat(m).contains("the process id (its key) must be"));
    }

    @Test
    void deepNestingIsRefusedBeforeAnythingWalksIt() {
        String deep = "<a>".repeat(BpmnXml.MAX_DEPTH + 1) + "</a>".repeat(BpmnXml.MAX_DEPTH + 1);
        assertThatThrownBy(() -> BpmnXml.read(deep)).isInstanceOf(BpmnRefused.class)
                .hasMessageContaining("nested deeper than " + BpmnXml.MAX_DEPTH);
    }

    @Test
    void anEncodingOtherThanUtf8IsRefused() {
        assertThatThrownBy(() -> BpmnXml.read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>"))
                .isInstanceOf(BpmnRefused.class).hasMessageContaining("encoding 'ISO-8859-1'");
    }
}
