package com.invgov.quality.web;

import com.invgov.api.Cursor;
import com.invgov.api.Idempotency;
import com.invgov.api.Page;
import com.invgov.quality.DispositionCommand;
import com.invgov.quality.HoldCommand;
import com.invgov.quality.QualityHold;
import com.invgov.quality.QualityHolds;
import com.invgov.rules.model.Disposition;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/**
 * Quality holds over HTTP (DESIGN §4 quality-hold). Every mutating call takes an optional {@code Idempotency-Key}
 * (DESIGN §6): a retry with the same key and body answers as the first call did, and posts nothing again.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class QualityController {

    record HoldRequest(@Size(max = 60) String sku, @Size(max = 60) String lot, @Size(max = 60) String serial,
                       @Size(max = 60) String location, @Size(max = 1000) String reason) {
    }

    record DispositionRequest(@NotNull @Size(max = 20) String lineId, @NotNull Disposition disposition,
                              @NotNull BigDecimal quantity, @Size(max = 1000) String comment) {
    }

    record MrbRequest(@NotNull Boolean approved, @Size(max = 1000) String comment) {
    }

    private final QualityHolds holds;
    private final Idempotency idempotency;

    QualityController(QualityHolds holds, Idempotency idempotency) {
        this.holds = holds;
        this.idempotency = idempotency;
    }

    @PostMapping(path = "/quality-holds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "QUALITY holds a lot/serial or a location: its stock goes to QUARANTINE, reservations on it "
            + "are released; 409 when there is nothing to hold")
    ResponseEntity<Object> hold(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                @Valid @RequestBody HoldRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, false, body, () -> {
            QualityHold hold = holds.hold(new HoldCommand(body.sku(), body.lot(), body.serial(), body.location(),
                    body.reason()));
            return ResponseEntity.created(URI.create("/api/v1/quality-holds/" + hold.id())).body(hold);
        });
    }

    @GetMapping("/quality-holds")
    Page<QualityHold> holds(@RequestParam(required = false) String status,
                            @RequestParam(required = false) String after,
                            @RequestParam(required = false) Integer limit) {
        return holds.holds(status, after, Cursor.limit(limit));
    }

    @GetMapping("/quality-holds/{id}")
    QualityHold hold(@PathVariable String id) {
        return holds.hold(id);
    }

    @PostMapping(path = "/quality-holds/{id}/dispositions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "QUALITY disposes of part of a hold line: RELEASE, REWORK, SCRAP, RETURN_TO_VENDOR, "
            + "USE_AS_IS; posted at once unless quality-disposition asks for MRB approval")
    ResponseEntity<Object> dispose(@PathVariable String id,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody DispositionRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, false, body, () -> ResponseEntity.ok(holds.dispose(id,
                new DispositionCommand(body.lineId(), body.disposition(), body.quantity(), body.comment()))));
    }

    @PostMapping(path = "/dispositions/{id}/mrb-approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An MRB member (one of the decision's approver roles) approves or rejects a disposition")
    ResponseEntity<Object> mrb(@PathVariable String id,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                               @Valid @RequestBody MrbRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, false, body, () -> ResponseEntity.ok(holds.decideMrb(id,
                body.approved(), body.comment())));
    }
}
