package com.invgov.inventory.web;

import com.invgov.api.Cursor;
import com.invgov.api.Idempotency;
import com.invgov.api.Page;
import com.invgov.inventory.Balance;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Reservation;
import com.invgov.inventory.Reservations;
import com.invgov.inventory.StockFilter;
import com.invgov.inventory.StockStatus;
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

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;

/** Balances (real locations only), balances as of a time, and reservations. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class StockController {

    /** The balance of one (item, location, lot, status) as of a time. */
    record BalanceAsOf(String sku, String location, String lot, StockStatus status, Instant asOf,
                       BigDecimal quantity, String uom) {
    }

    private final Ledger ledger;
    private final MasterData masterData;
    private final Reservations reservations;
    private final Idempotency idempotency;

    StockController(Ledger ledger, MasterData masterData, Reservations reservations, Idempotency idempotency) {
        this.ledger = ledger;
        this.masterData = masterData;
        this.reservations = reservations;
        this.idempotency = idempotency;
    }

    @GetMapping("/stock")
    @Operation(summary = "Balances of real locations with stock or reservations, base UoM")
    Page<Balance> stock(@RequestParam(required = false) String sku,
                        @RequestParam(required = false) String location,
                        @RequestParam(required = false) String warehouse,
                        @RequestParam(required = false) StockStatus status,
                        @RequestParam(required = false) String lot,
                        @RequestParam(required = false) String after,
                        @RequestParam(required = false) Integer limit) {
        return ledger.stock(new StockFilter(sku, location, warehouse, status, lot), after, Cursor.limit(limit));
    }

    @GetMapping("/stock/as-of")
    @Operation(summary = "Balance as of a time: every movement with eventTime <= at, whenever posted; "
            + "no status = all statuses, no lot = all lots")
    BalanceAsOf asOf(@RequestParam String sku, @RequestParam String location,
                     @RequestParam(required = false) String lot,
                     @RequestParam(required = false) StockStatus status,
                     @RequestParam Instant at) {
        var item = masterData.item(sku);
        masterData.location(location);
        return new BalanceAsOf(sku, location, lot, status, at, ledger.balanceAsOf(sku, location, lot, status, at),
                item.baseUom());
    }

    @GetMapping("/lots")
    @Operation(summary = "Lots (optionally of one item) with their expiry date")
    Page<com.invgov.inventory.Lot> lots(@RequestParam(required = false) String sku,
                                        @RequestParam(required = false) String after,
                                        @RequestParam(required = false) Integer limit) {
        return ledger.lots(sku, after, Cursor.limit(limit));
    }

    @GetMapping("/serials")
    @Operation(summary = "Serial-numbered units and where each one is (location null: outside the plant)")
    Page<com.invgov.inventory.SerialNumber> serials(@RequestParam(required = false) String sku,
                                                    @RequestParam(required = false) String location,
                                                    @RequestParam(required = false) String after,
                                                    @RequestParam(required = false) Integer limit) {
        return ledger.serials(sku, location, after, Cursor.limit(limit));
    }

    @PostMapping(path = "/reservations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reserve AVAILABLE stock for a reference: 201, or 409 insufficient-stock (counted)")
    ResponseEntity<Object> reserve(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody Requests.ReserveRequest body, HttpServletRequest request) {
        return idempotency.run(request, key, false, body, () -> {
            Reservation r = reservations.reserve(body.toCommand());
            return ResponseEntity.created(URI.create("/api/v1/reservations/" + r.id())).body(r);
        });
    }

    @PostMapping("/reservations/{id}/release")
    @Operation(summary = "Release an open reservation; 409 when it is not open")
    ResponseEntity<Object> release(@PathVariable String id,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   HttpServletRequest request) {
        return idempotency.run(request, key, false, null, () -> ResponseEntity.ok(reservations.release(id)));
    }

    @GetMapping("/reservations/{id}")
    Reservation reservation(@PathVariable String id) {
        return reservations.reservation(id);
    }

    @GetMapping("/reservations")
    Page<Reservation> reservations(@RequestParam(required = false) String reference,
                                   @RequestParam(required = false) String sku,
                                   @RequestParam(defaultValue = "false") boolean open,
                                   @RequestParam(required = false) String after,
                                   @RequestParam(required = false) Integer limit) {
        return reservations.reservations(reference, sku, open, after, Cursor.limit(limit));
    }

}
