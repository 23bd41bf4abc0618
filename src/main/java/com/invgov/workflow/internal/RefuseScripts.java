package com.invgov.workflow.internal;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, at deployment, everything that would run code other than the registered steps: script tasks,
 * {@code camunda:script} (listeners, input/output mappings), expressions or conditions in a script language,
 * and Java classes named in the BPMN ({@code camunda:class}). The engine has no script engine either
 * ({@link NoScriptingEngines}); this makes the refusal visible when the process is deployed, not when it runs.
 */
class RefuseScripts extends AbstractBpmnParseListener {

    private static final Namespace CAMUNDA =
            new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS, BpmnParser.ACTIVITI_BPMN_EXTENSIONS_NS);

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        List<String> problems = new ArrayList<>();
        walk(rootElement, problems);
        if (!problems.isEmpty()) {
            throw new ProcessEngineException("BPMN refused: " + String.join("; ", problems));
        }
    }

    private static void walk(Element element, List<String> problems) {
        String where = element.getTagName() + (element.attribute("id") != null ? " '" + element.attribute("id") + "'" : "");
        if ("scriptTask".equals(element.getTagName())) {
            problems.add("script tasks are not allowed (" + where + ")");
        }
        if ("script".equals(element.getTagName()) && isCamunda(element.getUri())) {
            problems.add("camunda:script is not allowed (" + where + ")");
        }
        if (element.attribute("language") != null || element.attributeNS(CAMUNDA, "language") != null) {
            problems.add("script languages are not allowed (" + where + ")");
        }
        if (element.attributeNS(CAMUNDA, "class") != null || element.attribute("class") != null) {
            problems.add("Java classes are not allowed, use a registered step (" + where + ")");
        }
        for (Element child : element.elements()) {
            walk(child, problems);
        }
    }

    private static boolean isCamunda(String uri) {
        return CAMUNDA.getNamespaceUri().equals(uri) || uri != null && uri.equals(CAMUNDA.getAlternativeUri());
    }
}
