package com.invgov.workflow;

/**
 * A process definition deployed from a draft: new instances of {@code key} start on it (the engine starts the
 * latest version), instances already running finish on theirs.
 *
 * @param id the engine's process definition id ({@code key:version:uuid})
 */
public record DeployedProcess(String id, String key, int version, String deploymentId, String name, long draftId) {
}
