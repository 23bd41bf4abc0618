package com.invgov.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;

/** The process definitions deployed in the engine. */
@Service
public class ProcessCatalog {

    private final RepositoryService repository;

    ProcessCatalog(RepositoryService repository) {
        this.repository = repository;
    }

    /** The latest version of every deployed process. */
    public List<ProcessDefinitionSummary> latest() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(d -> new ProcessDefinitionSummary(d.getKey(), d.getName(), d.getVersion(), d.getDeploymentId(),
                        d.getResourceName(), d.getHistoryTimeToLive(), d.isSuspended()))
                .sorted(Comparator.comparing(ProcessDefinitionSummary::key))
                .toList();
    }
}
