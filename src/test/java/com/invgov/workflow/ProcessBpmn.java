package com.invgov.workflow;

import java.util.UUID;

/** Small BPMN documents for tests, each of its own process key (deployments are global to the shared database). */
final class ProcessBpmn {

    private ProcessBpmn() {
    }

    static String newKey() {
        return "test-proc-" + UUID.randomUUID();
    }

    /** start → {@code body} (whose first element's id is the step in between) → end. */
    static String process(String key, String body) {
        return process(key, body, "isExecutable=\"true\" camunda:historyTimeToLive=\"1\"");
    }

    static String process(String key, String body, String processAttributes) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                  id="d-%1$s" targetNamespace="https://invgov.example/test">
                  <bpmn:process id="%1$s" name="Test process" %4$s>
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="%2$s"/>
                    %3$s
                    <bpmn:sequenceFlow id="f2" sourceRef="%2$s" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, firstId(body), body, processAttributes);
    }

    /** A process with one user task for OPERATOR, of id {@code taskId}. */
    static String userTask(String key, String taskId) {
        return process(key, "<bpmn:userTask id=\"" + taskId + "\" name=\"Work\" camunda:candidateGroups=\"OPERATOR\"/>");
    }

    private static String firstId(String body) {
        int at = body.indexOf("id=\"") + 4;
        return body.substring(at, body.indexOf('"', at));
    }
}
