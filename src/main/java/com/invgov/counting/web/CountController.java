package com.invgov.counting.web;

import com.invgov.api.Idempotency;
import com.invgov.counting.Count;
import com.invgov.counting.CountResult;
import com.invgov.counting.Counts;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** {@code POST /api/v1/counts}, {@code GET /api/v1/counts/{id}} (DESIGN §6.1). */
@RestController
@RequestMapping(path = "/api/v1/counts", produces = MediaType.APPLICATION_JSON_VALUE)
class CountController {

    private final Counts counts;
    private final Idempotency idempotency;

    CountController(Counts counts, Idempotency idempotency) {
        this.counts = counts;
        this.idempotency = idempotency;
    }

    record CountRequest(@NotBlank @Size(max = 60) String location, @NotBlank @Size(max = 60) String sku,
                        @Size(max = 60) String lot,
                        @NotNull @PositiveOrZero @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 6)
                        BigDecimal countedQuantity,
                        @NotBlank @Size(max = 20) String uom,
                        @Size(max = 1000) List<@NotBlank @Size(max = 60) String> serials,
                        @Size(max = 64) String countTaskId,
                        @Size(max = 64) String recountOf, Instant eventTime) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post a count result (Idempotency-Key required): 201 with variance, decision and the "
            + "adjustment opened; recountOf = the first count's id makes it a recount (by another person); serials = "
            + "the serial numbers counted of a serial-tracked item, one per unit")
    ResponseEntity<Object> count(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                 @Valid @RequestBody CountRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, true, body, () -> {
            CountResult result = counts.count(body.location(), body.sku(), body.lot(), body.countedQuantity(),
                    body.uom(), body.serials(), body.countTaskId(), body.recountOf(), body.eventTime());
            return ResponseEntity.created(URI.create("/api/v1/counts/" + result.id())).body(result);
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "A count as its 201 showed it (id, variance, decision, adjustmentId), with what was counted: "
            + "sku, location, lot, countedQuantity and uom as entered, serials, countTaskId, recountOf, eventTime, "
            + "countedBy. Counts are blind: an OPERATOR reads only the counts they posted (403 otherwise); every other "
            + "role reads any. 404 for an unknown id")
    Count count(@PathVariable String id) {
        return counts.read(id);
    }
}
