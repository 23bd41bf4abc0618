package com.invgov.audit.web;

import com.invgov.api.Cursor;
import com.invgov.api.FieldProblem;
import com.invgov.api.Page;
import com.invgov.api.ValidationFailed;
import com.invgov.audit.AuditEntry;
import com.invgov.audit.AuditFilter;
import com.invgov.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The audit trail over HTTP: every role reads it; nobody writes it here (modules record their own changes). */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "The audit trail, newest first: who changed rules, processes or master data, or approved "
            + "what, when, with the state before and after. Filters match exactly; from is inclusive, to exclusive "
            + "(ISO-8601 instants)")
    Page<AuditEntry> entries(@RequestParam(required = false) String subjectType,
                             @RequestParam(required = false) String subjectId,
                             @RequestParam(required = false) String actor,
                             @RequestParam(required = false) String action,
                             @RequestParam(required = false) Instant from,
                             @RequestParam(required = false) Instant to,
                             @RequestParam(required = false) String after,
                             @RequestParam(required = false) Integer limit) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ValidationFailed.badRequest("from must be before to",
                    List.of(new FieldProblem("to", "must be after from")));
        }
        return trail.entries(new AuditFilter(subjectType, subjectId, actor, action, from, to), after,
                Cursor.limit(limit));
    }

    @GetMapping("/{id}")
    AuditEntry entry(@PathVariable long id) {
        return trail.entry(id);
    }
}
