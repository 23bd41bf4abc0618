package com.invgov.workflow;

/**
 * One reason an uploaded BPMN is refused.
 *
 * @param element the id of the BPMN element it is about (or its tag when it has no id), null for the document
 * @param line    1-based line in the uploaded text, null when unknown
 * @param column  1-based column, null when unknown
 */
public record BpmnProblem(String element, Integer line, Integer column, String message) {

    @Override
    public String toString() {
        return (line == null ? "" : "line " + line + ": ") + (element == null ? "" : element + ": ") + message;
    }
}
