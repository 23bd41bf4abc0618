package com.invgov.receiving.web;

import com.invgov.api.Cursor;
import com.invgov.api.Idempotency;
import com.invgov.api.Page;
import com.invgov.receiving.ExpectedReceipt;
import com.invgov.receiving.ExpectedReceiptCommand;
import com.invgov.receiving.ExpectedReceipts;
import com.invgov.receiving.ReceiveCommand;
import com.invgov.receiving.Receipt;
import com.invgov.receiving.Receiving;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Expected receipts and receipts over HTTP (DESIGN §4 receiving). Every mutating call goes through
 * {@link Idempotency}: the key is required for a receipt (a movement), optional for the rest.
 */
@RestController
class ReceivingController {

    record ExpectedReceiptRequest(@NotBlank @Size(max = 40) String supplier, @NotBlank @Size(max = 60) String sku,
                                  @NotNull BigDecimal quantity, @NotBlank @Size(max = 20) String uom,
                                  @NotNull LocalDate dueDate, @NotBlank @Size(max = 40) String warehouse) {
    }

    record ReceiptRequest(@Size(max = 40) String po, Integer line, @Size(max = 60) String sku, BigDecimal quantity,
                          @Size(max = 20) String uom, @Size(max = 60) String lot, @Size(max = 60) String serial,
                          LocalDate expiry, @Size(max = 200) String scan, Boolean unplanned,
                          @Size(max = 40) String supplier, @Size(max = 40) String warehouse) {
    }

    record ApprovalRequest(@NotNull Boolean approved, @Size(max = 1000) String comment) {
    }

    record InspectionRequest(Boolean passed, @Size(max = 100) java.util.List<@Valid CheckRequest> checks,
                             @Size(max = 1000) String comment) {
    }

    record CheckRequest(@NotBlank @Size(max = 100) String name, Boolean passed, BigDecimal value) {
    }

    record PutawayRequest(@Size(max = 60) String location) {
    }

    private final ExpectedReceipts expected;
    private final Receiving receiving;
    private final Idempotency idempotency;

    ReceivingController(ExpectedReceipts expected, Receiving receiving, Idempotency idempotency) {
        this.expected = expected;
        this.receiving = receiving;
        this.idempotency = idempotency;
    }

    @GetMapping(path = "/api/v1/expected-receipts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Expected receipts (PO/ASN lines) by PO and line, each with received, open and overdue")
    Page<ExpectedReceipt> list(@RequestParam(required = false) String warehouse,
                               @RequestParam(required = false) Boolean open,
                               @RequestParam(required = false) Boolean overdue,
                               @RequestParam(required = false) String after,
                               @RequestParam(required = false) Integer limit) {
        return expected.list(warehouse, open, overdue, after, Cursor.limit(limit));
    }

    @GetMapping(path = "/api/v1/expected-receipts/{po}/{line}", produces = MediaType.APPLICATION_JSON_VALUE)
    ExpectedReceipt get(@PathVariable String po, @PathVariable int line) {
        return expected.get(po, line);
    }

    @PutMapping(path = "/api/v1/expected-receipts/{po}/{line}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or change an expected receipt (PLANNER, INTEGRATION, ADMIN)")
    ResponseEntity<Object> put(@PathVariable String po, @PathVariable int line,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                               @Valid @RequestBody ExpectedReceiptRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, false, body, () -> {
            ExpectedReceipts.Saved saved = expected.put(new ExpectedReceiptCommand(po, line, body.supplier(),
                    body.sku(), body.quantity(), body.uom(), body.dueDate(), body.warehouse()));
            return ResponseEntity.status(saved.created() ? 201 : 200).body(saved.value());
        });
    }

    @PostMapping(path = "/api/v1/expected-receipts/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import expected receipts from CSV (" + ExpectedReceipts.CSV_HEADER + "), all or nothing")
    ResponseEntity<Object> importCsv(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @RequestBody String csv, HttpServletRequest request) {
        return idempotency.run(request, key, false, csv, () -> ResponseEntity.ok(expected.importCsv(csv)));
    }

    @PostMapping(path = "/api/v1/receipts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post a receipt against an expected receipt (Idempotency-Key required); fields typed in or "
            + "a GS1-128 scan; 400 naming the wrong part of a bad scan")
    ResponseEntity<Object> receive(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody ReceiptRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, true, body, () -> {
            Receipt receipt = receiving.receive(new ReceiveCommand(body.po(), body.line(), body.sku(),
                    body.quantity(), body.uom(), body.lot(), body.serial(), body.expiry(), body.scan(),
                    Boolean.TRUE.equals(body.unplanned()), body.supplier(), body.warehouse()), key);
            return ResponseEntity.created(URI.create("/api/v1/receipts/" + receipt.id())).body(receipt);
        });
    }

    @GetMapping(path = "/api/v1/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
    Page<Receipt> receipts(@RequestParam(required = false) String po, @RequestParam(required = false) String state,
                           @RequestParam(required = false) String after,
                           @RequestParam(required = false) Integer limit) {
        return receiving.receipts(po, state, after, Cursor.limit(limit));
    }

    @GetMapping(path = "/api/v1/receipts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A receipt with its decisions, its state and the suggested putaway location")
    Map<String, Object> receipt(@PathVariable String id) {
        Receipt receipt = receiving.receipt(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receipt", receipt);
        body.put("suggestedLocation", receiving.suggestedLocation(id).orElse(null));
        return body;
    }

    @PostMapping(path = "/api/v1/receipts/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A role the receipt-tolerance decision named (PLANNER by default), not whoever received it, "
            + "approves or rejects an over-receipt; 409 while its stock is on quality hold")
    ResponseEntity<Object> approve(@PathVariable String id,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody ApprovalRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, false, body, () -> ResponseEntity.ok(
                receiving.decideOverReceipt(id, body.approved())));
    }

    @PostMapping(path = "/api/v1/receipts/{id}/inspection", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "QUALITY records the inspection, {passed} or {checks: [{name, passed | value}]} of the "
            + "checklist: pass releases to AVAILABLE and opens putaway, fail puts the lot on quality hold")
    ResponseEntity<Object> inspect(@PathVariable String id,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody InspectionRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, false, body, () -> ResponseEntity.ok(receiving.recordInspection(id,
                body.passed(), body.checks() == null ? null : body.checks().stream()
                        .map(c -> new com.invgov.receiving.CheckResult(c.name(), c.passed(), c.value())).toList())));
    }

    @GetMapping(path = "/api/v1/receipts/{id}/checklist", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The inspection checklist of the receipt's item category: pass/fail checks and measured "
            + "values with limits")
    Map<String, Object> checklist(@PathVariable String id) {
        return Map.of("items", receiving.checklist(id));
    }

    @PostMapping(path = "/api/v1/receipts/{id}/putaway", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "OPERATOR, INTEGRATION or ADMIN puts the receipt away (location omitted: the suggested one); 409 while an "
            + "over-receipt awaits approval or an inspection is open")
    ResponseEntity<Object> putaway(@PathVariable String id,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @RequestBody(required = false) PutawayRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, false, body, () -> ResponseEntity.ok(
                receiving.putAway(id, body == null ? null : body.location())));
    }
}
