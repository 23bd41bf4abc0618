package com.invgov.production.web;

import com.invgov.api.Cursor;
import com.invgov.api.Idempotency;
import com.invgov.api.Page;
import com.invgov.production.Completion;
import com.invgov.production.ProductionOrder;
import com.invgov.production.ScrapReport;
import com.invgov.production.Production;
import com.invgov.production.Trace;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/** Production orders, component issue, completions with backflush, scrap and lot/serial traceability over HTTP. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductionController {

    record OrderRequest(@NotBlank @Size(max = 60) String sku, @NotBlank @Size(max = 10) String bomRevision,
                        @NotNull BigDecimal quantity, @Size(max = 60) String issueLocation) {
    }

    record CompletionRequest(@NotNull BigDecimal quantity, @NotBlank @Size(max = 20) String uom,
                             @Size(max = 60) String lot, @Size(max = 1000) List<@Size(max = 60) String> serials,
                             @NotBlank @Size(max = 60) String location, @NotNull Boolean backflush,
                             Boolean complete) {
    }

    record ScrapRequest(@NotBlank @Size(max = 60) String sku, @Size(max = 60) String lot,
                        @Size(max = 60) String serial, @NotNull BigDecimal quantity,
                        @NotBlank @Size(max = 20) String uom, @NotBlank @Size(max = 60) String location,
                        @Size(max = 40) String reasonCode) {
    }

    record ScrapReasons(List<String> items) {
    }

    record IssueRequest(@NotBlank @Size(max = 60) String sku, @Size(max = 60) String lot,
                        @Size(max = 60) String serial, @NotNull BigDecimal quantity,
                        @NotBlank @Size(max = 20) String uom, @NotBlank @Size(max = 60) String location) {
    }

    record ProduceRequest(@Size(max = 60) String lot, @Size(max = 60) String serial, @NotNull BigDecimal quantity,
                          @NotBlank @Size(max = 20) String uom, @NotBlank @Size(max = 60) String location,
                          Boolean complete) {
    }

    record RecallRequest(@NotBlank @Size(max = 60) String sku, @NotBlank @Size(max = 60) String lot,
                         @Size(max = 1000) String reason) {
    }

    private final Production production;
    private final Idempotency idempotency;

    ProductionController(Production production, Idempotency idempotency) {
        this.production = production;
        this.idempotency = idempotency;
    }

    @PostMapping(path = "/production-orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a production order (PLANNER, ADMIN) for an item and one of its BOM revisions")
    ResponseEntity<Object> create(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @Valid @RequestBody OrderRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, false, body, () -> {
            ProductionOrder order = production.create(body.sku(), body.bomRevision(), body.quantity(),
                    body.issueLocation());
            return ResponseEntity.created(URI.create("/api/v1/production-orders/" + order.id())).body(order);
        });
    }

    @GetMapping("/production-orders")
    @Operation(summary = "Production orders, newest first, with produced and scrapped quantity; ?status=OPEN|COMPLETED "
            + "(another is 400); cursor pagination ?after=&limit= (max 1000), next in the response")
    Page<ProductionOrder.Summary> orders(@RequestParam(required = false) String status,
                                         @RequestParam(required = false) String after,
                                         @RequestParam(required = false) Integer limit) {
        return production.orders(status, after, Cursor.limit(limit));
    }

    @GetMapping("/production-orders/{id}")
    ProductionOrder order(@PathVariable String id) {
        return production.order(id);
    }

    @PostMapping(path = "/production-orders/{id}/issues", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a BOM component lot to the order (ISSUE; Idempotency-Key required)")
    ResponseEntity<Object> issue(@PathVariable String id,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                 @Valid @RequestBody IssueRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, true, body, () -> ResponseEntity.status(201).body(production.issue(id,
                body.sku(), body.lot(), body.serial(), body.quantity(), body.uom(), body.location(), key)));
    }

    @PostMapping(path = "/production-orders/{id}/produce", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report a produced lot (PRODUCE; Idempotency-Key required); complete: true closes the order")
    ResponseEntity<Object> produce(@PathVariable String id,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody ProduceRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, true, body, () -> ResponseEntity.status(201).body(production.produce(id,
                body.lot(), body.serial(), body.quantity(), body.uom(), body.location(),
                Boolean.TRUE.equals(body.complete()), key)));
    }

    @PostMapping(path = "/production-orders/{id}/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report a completion (PRODUCE of the lot, or one unit per serial; Idempotency-Key required). "
            + "backflush: true also issues every BOM line marked BACKFLUSH (what the production so far calls for, "
            + "less what the order consumed already) from AVAILABLE stock of the order's issue location, else the "
            + "PRODUCTION location of the completion's warehouse, FEFO then FIFO, in the same transaction; a short "
            + "component is 409 insufficient-stock and nothing is posted. complete: true closes the order.")
    ResponseEntity<Object> complete(@PathVariable String id,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                    @Valid @RequestBody CompletionRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, true, body, () -> ResponseEntity.status(201).body(production.complete(id,
                new Completion(body.quantity(), body.uom(), body.lot(), body.serials(), body.location(),
                        body.backflush(), Boolean.TRUE.equals(body.complete())), key)));
    }

    @PostMapping(path = "/production-orders/{id}/scrap", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report scrap of the order's item or a BOM component (SCRAP from AVAILABLE stock, the order "
            + "as reference; Idempotency-Key required); reasonCode from invgov.production.scrap-reasons, else 422")
    ResponseEntity<Object> scrap(@PathVariable String id,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                 @Valid @RequestBody ScrapRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, true, body, () -> ResponseEntity.status(201).body(production.scrap(id,
                new ScrapReport(body.sku(), body.lot(), body.serial(), body.quantity(), body.uom(), body.location(),
                        body.reasonCode()), key)));
    }

    @GetMapping("/scrap-reasons")
    @Operation(summary = "The reasons scrap may be reported with (invgov.production.scrap-reasons)")
    ScrapReasons scrapReasons() {
        return new ScrapReasons(production.scrapReasons());
    }

    @PostMapping(path = "/recalls", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recall (QUALITY): the lot and every lot made from it go on quality hold wherever they are; "
            + "shipments are listed")
    ResponseEntity<Object> recall(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @Valid @RequestBody RecallRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, false, body, () -> ResponseEntity.status(201)
                .body(production.recall(body.sku(), body.lot(), body.reason())));
    }

    @GetMapping("/trace")
    @Operation(summary = "Traceability of a lot or a serial (exactly one): upstream (component lots or serials, "
            + "receipts, suppliers) and downstream (product lots or serials, shipments, current locations)")
    Trace trace(@RequestParam String sku, @RequestParam(required = false) String lot,
                @RequestParam(required = false) String serial) {
        return production.trace(sku, lot, serial);
    }
}
