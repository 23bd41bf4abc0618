package com.invgov.workflow.web;

import com.invgov.api.Cursor;
import com.invgov.workflow.MyTasks;
import com.invgov.workflow.TaskItem;
import io.swagger.v3.oas.annotations.Operation;
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

/** The caller's tasks of every process: {@code GET /api/v1/tasks}, claim, complete (DESIGN §6.1). */
@RestController
@RequestMapping(path = "/api/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskController {

    private final MyTasks myTasks;

    TaskController(MyTasks myTasks) {
        this.myTasks = myTasks;
    }

    @GetMapping
    @Operation(summary = "The caller's tasks: assigned to them, or unclaimed for one of their roles; tasks that "
            + "segregation of duties forbids them are not listed. subject says what a task is about (never a "
            + "quantity a blind count must not show)")
    Map<String, Object> tasks(@RequestParam(required = false) Integer limit) {
        List<TaskItem> items = myTasks.list(Cursor.limit(limit));
        Map<String, Object> page = new HashMap<>();
        page.put("items", items);
        page.put("next", null);
        return page;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's tasks")
    TaskItem task(@PathVariable String id) {
        return myTasks.task(id);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a task: 403 segregation-of-duties when the caller may not act on it, 409 when "
            + "someone else holds it")
    TaskItem claim(@PathVariable String id) {
        return myTasks.claim(id);
    }

    @PostMapping(path = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete a task with the fields of its kind. An approval takes {approved, comment} (a "
            + "rejection needs a comment); 403 segregation-of-duties for whoever counted, recounted, requested or "
            + "approved already; 422 naming the field when a field is missing or wrong")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody Map<String, Object> body) {
        myTasks.complete(id, body);
        return ResponseEntity.noContent().build();
    }
}
