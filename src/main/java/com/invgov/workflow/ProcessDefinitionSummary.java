package com.invgov.workflow;

/** A deployed process definition as the console and the API list it. */
public record ProcessDefinitionSummary(String key, String name, int version, String deploymentId,
                                       String resourceName, Integer historyTimeToLiveDays, boolean suspended) {
}
