package com.invgov.workflow;

import com.invgov.api.Page;

import java.util.List;

/**
 * Deploying BPMN is deploying code (DESIGN §7): an ADMIN uploads a process, it is validated and kept as a draft,
 * and a second ADMIN publishes it to the engine (four-eyes, the setting {@code invgov.rules.four-eyes} that
 * governs rule sets too). Drafts are read by ADMIN and AUDITOR. Each write is one transaction (the caller's when
 * there is one).
 */
public interface ProcessDrafts {

    /** Bodies up to this many bytes (UTF-8), as every API body (DESIGN §6). */
    int MAX_BYTES = 1024 * 1024;

    /** The problems {@code bpmn} has, empty when it would be accepted; checks nothing but validity (ADMIN). */
    List<BpmnProblem> check(String bpmn);

    /** Validates and stores a new draft of the process the BPMN defines; {@link BpmnRefused} when invalid. */
    ProcessDraft create(String bpmn, String comment);

    /**
     * Validates the draft again and deploys it as the next version of its key. Refused for its author while
     * four-eyes is on ({@link ProcessFourEyesRequired}); a draft published already is a 409 conflict, also when
     * two nodes publish it at the same moment (only one deploys).
     */
    DeployedProcess publish(long draftId);

    /** Drafts, newest first; {@code processKey} null for all keys. */
    Page<ProcessDraft> drafts(String processKey, String after, Integer limit);

    /** One draft with its BPMN text. */
    ProcessDraft draft(long draftId);

    /** Whether publishing needs a second ADMIN. */
    boolean fourEyes();
}
