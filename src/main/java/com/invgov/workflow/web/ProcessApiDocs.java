package com.invgov.workflow.web;

/** The OpenAPI description of uploading a process (what is checked, and why). */
final class ProcessApiDocs {

    private ProcessApiDocs() {
    }

    static final String UPLOAD = """
            Saves a BPMN 2.0 process as a DRAFT (201, Location: /api/v1/processes/drafts/{id}); a second ADMIN \
            publishes it with POST /api/v1/processes/drafts/{id}/publish. A process key that exists already gets \
            a new version when published (new instances use it; running ones finish on theirs).

            Deploying BPMN is deploying code, so it is checked (422 `validation`, every problem in `errors` as \
            {"element", "line", "column", "message"}):
            - well-formed XML, UTF-8, no DOCTYPE (no entities are ever resolved);
            - exactly one bpmn:process, isExecutable="true", with camunda:historyTimeToLive;
            - nothing read from elsewhere: no bpmn:import, no xsi:schemaLocation, no implementation other \
            than ##unspecified (web services);
            - no script tasks, camunda:script, script languages, camunda:resource, camunda:class (or any class), \
            camunda:expression, camunda:field, connectors, camunda:type (external tasks), DMN/CMMN references, \
            task listeners;
            - camunda:delegateExpression is exactly ${step} of a registered step (also on execution listeners);
            - other expressions may only read and compare process variables: names, literals, comparison, \
            logic, arithmetic, empty, ?: - no member access, no calls;
            - camunda:candidateGroups are role names (or one ${variable}); no candidateUsers, assignee, \
            potentialOwner;
            - then the engine's own parser (schema and engine checks).
            """;
}
