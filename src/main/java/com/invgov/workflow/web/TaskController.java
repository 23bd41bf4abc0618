package com.invgov.workflow.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.invgov.api.Cursor;
import com.invgov.api.DecimalLimits;
import com.invgov.api.FieldProblem;
import com.invgov.api.Idempotency;
import com.invgov.api.Page;
import com.invgov.api.ValidationFailed;
import com.invgov.workflow.MyTasks;
import com.invgov.workflow.TaskItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The caller's tasks of every process: {@code GET /api/v1/tasks}, claim, complete (DESIGN §6.1). */
@RestController
@RequestMapping(path = "/api/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskController {

    private final MyTasks myTasks;
    private final Idempotency idempotency;
    /** Numbers are read exactly: a quantity such as 123456789012.123456 or 1e-400 is never rounded to a double. */
    private final ObjectReader exactJson;

    TaskController(MyTasks myTasks, Idempotency idempotency, ObjectMapper json) {
        this.myTasks = myTasks;
        this.idempotency = idempotency;
        this.exactJson = json.readerFor(new TypeReference<Map<String, Object>>() { })
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @GetMapping
    @Operation(summary = "The caller's tasks: assigned to them, or unclaimed for one of their roles; tasks that "
            + "segregation of duties forbids them are not listed. subject says what a task is about (never a "
            + "quantity a blind count must not show). Oldest first (create time, then id); next is the cursor for "
            + "?after= when there are more, null on the last page; limit 1..1000 (default 100)")
    Page<TaskItem> tasks(@RequestParam(required = false) String after,
                         @RequestParam(required = false) Integer limit) {
        return myTasks.page(after, Cursor.limit(limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's tasks")
    TaskItem task(@PathVariable String id) {
        return myTasks.task(id);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a task: 403 segregation-of-duties when the caller may not act on it, 409 when "
            + "someone else holds it. Idempotent by itself: claiming one's own task again answers with it (an "
            + "Idempotency-Key is taken and needs no replay)")
    TaskItem claim(@PathVariable String id) {
        return myTasks.claim(id);
    }

    @PostMapping(path = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete a task with the fields of its kind. An approval takes {approved, comment} (a "
            + "rejection needs a comment); 403 segregation-of-duties for whoever counted, recounted, requested or "
            + "approved already; 422 naming the field when a field is missing or wrong. An optional Idempotency-Key "
            + "makes a retry (the answer was lost) get 204 again instead of 404 for a task that is done")
    ResponseEntity<Object> complete(@PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
            @RequestBody byte[] body, jakarta.servlet.http.HttpServletRequest request) {
        Map<String, Object> fields = fields(body, request);
        return idempotency.run(request, key, false, fields, () -> {
            myTasks.complete(id, fields);
            return ResponseEntity.noContent().build();
        });
    }

    /** The body as a JSON object whose numbers are exact ({@code BigDecimal}, integers as integers); else 400. */
    private Map<String, Object> fields(byte[] body, jakarta.servlet.http.HttpServletRequest request) {
        try {
            Map<String, Object> fields = exactJson.readValue(body);
            if (fields == null) {
                throw notAnObject();
            }
            fields.forEach(TaskController::bounded);
            return fields;
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException && e.getPath().isEmpty()) {
                throw notAnObject();
            }
            // a value refused inside the object (e.g. a NUL character): answered as for any other body, naming it
            throw new org.springframework.http.converter.HttpMessageNotReadableException(e.getOriginalMessage(), e,
                    new org.springframework.http.server.ServletServerHttpRequest(request));
        } catch (JacksonException e) {
            throw notAnObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Exact numbers of an untyped body do not pass the typed bodies' reader: held here to the same
     * {@link DecimalLimits} (a measured value of 1e-999999999 would be printed as a billion digits).
     */
    private static void bounded(String field, Object value) {
        if (value instanceof java.math.BigDecimal number && DecimalLimits.refusal(number) != null) {
            String refusal = DecimalLimits.refusal(number);
            throw ValidationFailed.badRequest(field + " " + refusal + ".", List.of(new FieldProblem(field, refusal)));
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, inner) -> bounded(field + "." + name, inner));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                bounded(field + "[" + i + "]", list.get(i));
            }
        }
    }

    private static RuntimeException notAnObject() {
        return ValidationFailed.badRequest("The body is not a JSON object.",
                List.of(new FieldProblem("body", "must be a JSON object of the task's fields")));
    }
}
