package com.invgov.system;

import com.invgov.database.DatabaseInfo;
import com.invgov.rules.RuleSetSummary;
import com.invgov.workflow.ProcessDefinitionSummary;

import java.util.List;

/** A snapshot of what this node runs. */
public record SystemStatus(String version, DatabaseInfo database, List<ProcessDefinitionSummary> processes,
                           List<RuleSetSummary> ruleSets) {
}
