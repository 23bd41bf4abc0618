package com.invgov.adjustment.web;

import com.invgov.adjustment.Adjustments;
import com.invgov.adjustment.TaskView;
import com.invgov.api.Cursor;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The caller's tasks: {@code GET /api/v1/tasks}, claim, complete (DESIGN §6.1). */
@RestController
@RequestMapping(path = "/api/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskController {

    private final Adjustments adjustments;

    TaskController(Adjustments adjustments) {
        this.adjustments = adjustments;
    }

    record CompleteRequest(@NotNull Boolean approved, @Size(max = 2000) String comment) {
    }

    @GetMapping
    @Operation(summary = "The caller's tasks: assigned to them, or unclaimed for one of their roles; tasks that "
            + "segregation of duties forbids them are not listed")
    Map<String, Object> tasks(@RequestParam(required = false) Integer limit) {
        List<TaskView> items = adjustments.myTasks(Cursor.limit(limit));
        Map<String, Object> page = new HashMap<>();
        page.put("items", items);
        page.put("next", null);
        return page;
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a task: 403 segregation-of-duties when the caller may not act on it")
    TaskView claim(@PathVariable String id) {
        return adjustments.claim(id);
    }

    @PostMapping(path = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete an approval {approved, comment}; a rejection needs a comment; 403 "
            + "segregation-of-duties for whoever counted, recounted, requested or approved already")
    ResponseEntity<Void> complete(@PathVariable String id, @Valid @RequestBody CompleteRequest body) {
        adjustments.complete(id, body.approved(), body.comment());
        return ResponseEntity.noContent().build();
    }
}
