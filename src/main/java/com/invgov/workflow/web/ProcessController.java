package com.invgov.workflow.web;

import com.invgov.api.Page;
import com.invgov.workflow.ProcessCatalog;
import com.invgov.workflow.ProcessDefinitionSummary;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/processes} (DESIGN §6): the deployed process definitions, the latest version of each, for every
 * role. Deploying a BPMN through the API ({@code POST}) is not offered: processes are deployed from {@code processes/}.
 */
@RestController
@RequestMapping(path = "/api/v1/processes", produces = MediaType.APPLICATION_JSON_VALUE)
class ProcessController {

    private final ProcessCatalog catalog;

    ProcessController(ProcessCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "The deployed process definitions (latest version of each key) with their history time-to-live")
    Page<ProcessDefinitionSummary> processes() {
        return new Page<>(catalog.latest(), null);
    }
}
