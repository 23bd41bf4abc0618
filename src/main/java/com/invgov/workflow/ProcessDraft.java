package com.invgov.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A BPMN an ADMIN uploaded (DESIGN §6 {@code POST /processes}): validated, kept as a DRAFT until a second ADMIN
 * publishes it, which deploys it to the engine as the next version of its process key.
 *
 * @param number   1, 2, 3 ... per process key: the draft's number (the engine's version is known once deployed)
 * @param deployed what the engine made of it once published, else null
 * @param basedOnVersion the engine's latest version of the key when the draft was saved (null: none); a draft is
 *                       published only while that is still the latest, so it never undoes a newer version
 * @param bpmn     the XML as uploaded; only when one draft is read ({@code GET .../drafts/{id}}), null in lists
 */
public record ProcessDraft(long id, String processKey, int number, String name, ProcessDraftStatus status,
                           String comment, String createdBy, Instant createdAt, String publishedBy,
                           Instant publishedAt, DeployedProcess deployed, Integer basedOnVersion,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String bpmn) {

    public ProcessDraft withoutBpmn() {
        return new ProcessDraft(id, processKey, number, name, status, comment, createdBy, createdAt, publishedBy,
                publishedAt, deployed, basedOnVersion, null);
    }
}
