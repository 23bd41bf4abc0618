package com.invgov.adjustment.web;

import com.invgov.adjustment.Adjustment;
import com.invgov.adjustment.Adjustments;
import com.invgov.api.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/** {@code POST /api/v1/adjustments}, {@code GET /api/v1/adjustments/{id}} (DESIGN §6.1). */
@RestController
@RequestMapping(path = "/api/v1/adjustments", produces = MediaType.APPLICATION_JSON_VALUE)
class AdjustmentController {

    private final Adjustments adjustments;
    private final Idempotency idempotency;

    AdjustmentController(Adjustments adjustments, Idempotency idempotency) {
        this.adjustments = adjustments;
        this.idempotency = idempotency;
    }

    record AdjustmentRequestBody(@NotBlank @Size(max = 60) String location, @NotBlank @Size(max = 60) String sku,
                                 @Size(max = 60) String lot,
                                 @NotNull @DecimalMin("-1000000000000") @DecimalMax("1000000000000")
                                 @Digits(integer = 13, fraction = 6) BigDecimal quantityDelta,
                                 @Size(min = 1, max = 20) String uom,
                                 @Size(max = 1000) List<@NotBlank @Size(max = 60) String> serials,
                                 @NotBlank @Size(max = 40) String reasonCode, @Size(max = 2000) String note) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Request a manual adjustment (source MANUAL, Idempotency-Key required): 201 with the "
            + "adjustment, decided by adjustment-tolerance and routed like a count's variance")
    ResponseEntity<Object> request(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody AdjustmentRequestBody body, HttpServletRequest request) {
        return idempotency.run(request, key, true, body, () -> {
            Adjustment a = adjustments.request(body.sku(), body.location(), body.lot(), body.quantityDelta(),
                    body.uom(), body.serials(), body.reasonCode(), body.note());
            return ResponseEntity.created(URI.create("/api/v1/adjustments/" + a.id())).body(a);
        });
    }

    @GetMapping("/{id}")
    Adjustment adjustment(@PathVariable String id) {
        return adjustments.adjustment(id);
    }
}
