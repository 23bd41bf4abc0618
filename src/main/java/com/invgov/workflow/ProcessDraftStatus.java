package com.invgov.workflow;

/** Where an uploaded BPMN stands: validated and waiting for a second ADMIN, or deployed to the engine. */
public enum ProcessDraftStatus {
    DRAFT, PUBLISHED
}
