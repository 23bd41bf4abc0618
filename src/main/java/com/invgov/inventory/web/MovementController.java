package com.invgov.inventory.web;

import com.invgov.api.Cursor;
import com.invgov.api.Idempotency;
import com.invgov.api.Page;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.Movement;
import com.invgov.inventory.MovementBatch;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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

import java.net.URI;
import java.util.List;

/** The ledger over HTTP: post movements (OPERATOR, INTEGRATION, ADMIN), read it (every role). */
@RestController
@RequestMapping(path = "/api/v1/movements", produces = MediaType.APPLICATION_JSON_VALUE)
class MovementController {

    private final Ledger ledger;
    private final Idempotency idempotency;

    MovementController(Ledger ledger, Idempotency idempotency) {
        this.ledger = ledger;
        this.idempotency = idempotency;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post one movement (Idempotency-Key required): 201 with the movement, 409 insufficient-stock, "
            + "422 for rule breaks (ADJUSTMENT is refused here); 409 conflict for held stock: QUARANTINE, INSPECTION "
            + "and BLOCKED change only through quality holds and receipts (BLOCKED may move keeping its status; an "
            + "ADMIN may correct)")
    ResponseEntity<Object> post(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                @Valid @RequestBody Requests.MovementRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, true, body, () -> {
            Movement movement = ledger.postAsCurrentUser(body.toCommand(), key);
            return ResponseEntity.created(URI.create("/api/v1/movements/" + movement.id())).body(movement);
        });
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post up to 1000 movements all or nothing (Idempotency-Key required): 201 {items}")
    ResponseEntity<Object> batch(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                 @Valid @RequestBody Requests.BatchRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, true, body, () -> {
            List<Movement> movements = ledger.postBatchAsCurrentUser(
                    body.movements().stream().map(Requests.MovementRequest::toCommand).toList(), key);
            return ResponseEntity.status(201).body(new MovementBatch(movements));
        });
    }

    @GetMapping("/{id}")
    Movement movement(@PathVariable String id) {
        return ledger.movement(id);
    }

    @GetMapping
    @Operation(summary = "The ledger, oldest first; location matches either end")
    Page<Movement> movements(@RequestParam(required = false) String sku,
                             @RequestParam(required = false) String location,
                             @RequestParam(required = false) String after,
                             @RequestParam(required = false) Integer limit) {
        return ledger.movements(sku, location, after, Cursor.limit(limit));
    }
}
