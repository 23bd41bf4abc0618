package com.invgov.engineering.web;

import com.invgov.api.Cursor;
import com.invgov.api.FieldProblem;
import com.invgov.api.Idempotency;
import com.invgov.api.Page;
import com.invgov.api.ValidationFailed;
import com.invgov.engineering.EcoLine;
import com.invgov.engineering.EcoStatus;
import com.invgov.engineering.EngineeringChange;
import com.invgov.engineering.EngineeringChanges;
import com.invgov.engineering.RaiseEngineeringChange;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
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

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** {@code POST /api/v1/ecos}, {@code GET /api/v1/ecos}, {@code GET /api/v1/ecos/{id}} (engineering changes). */
@RestController
@RequestMapping(path = "/api/v1/ecos", produces = MediaType.APPLICATION_JSON_VALUE)
class EngineeringChangeController {

    private final EngineeringChanges changes;
    private final Idempotency idempotency;

    EngineeringChangeController(EngineeringChanges changes, Idempotency idempotency) {
        this.changes = changes;
        this.idempotency = idempotency;
    }

    /** Checked by the service (422 naming the field), so every problem is reported at once. */
    record LineBody(String component, BigDecimal quantity, String uom, String consumption) {
    }

    record EcoBody(String product, String revision, List<LineBody> lines, LocalDate effectiveFrom, String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Raise an engineering change (ENGINEER, Idempotency-Key required): the product's next BOM "
            + "revision with all its lines, its effectivity date (today or later, UTC) and the reason; 201 with the "
            + "change, its impact analysis and its routing by eco-routing; 409 while another change of the product "
            + "is open")
    ResponseEntity<Object> raise(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                 @RequestBody EcoBody body, HttpServletRequest request) {
        return idempotency.run(request, key, true, body, () -> {
            List<EcoLine> lines = body.lines() == null ? null : body.lines().stream()
                    .map(l -> l == null ? null : new EcoLine(l.component(), l.quantity(), l.uom(), l.consumption()))
                    .toList();
            EngineeringChange c = changes.raise(new RaiseEngineeringChange(body.product(), body.revision(), lines,
                    body.effectiveFrom(), body.reason()));
            return ResponseEntity.created(URI.create("/api/v1/ecos/" + c.id())).body(c);
        });
    }

    @GetMapping
    @Operation(summary = "Engineering changes, newest first, optionally of one status; cursor paging")
    Page<EngineeringChange.Summary> list(@RequestParam(required = false) String status,
                                         @RequestParam(required = false) String after,
                                         @RequestParam(required = false) Integer limit) {
        return changes.changes(status(status), after, Cursor.limit(limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An engineering change with its lines, impact analysis, routing, approvals and disposition")
    EngineeringChange change(@PathVariable String id) {
        return changes.change(id);
    }

    private static EcoStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(EcoStatus.values()).filter(s -> s.name().equals(status.trim().toUpperCase()))
                .findFirst().orElseThrow(() -> ValidationFailed.badRequest("status must be one of "
                        + Arrays.toString(EcoStatus.values()), List.of(new FieldProblem("status", "one of "
                        + Arrays.toString(EcoStatus.values())))));
    }
}
