package com.invgov.inventory.web;

import com.invgov.api.Cursor;
import com.invgov.api.Idempotency;
import com.invgov.api.Page;
import com.invgov.inventory.AbcClass;
import com.invgov.inventory.Item;
import com.invgov.inventory.ItemFilter;
import com.invgov.inventory.Location;
import com.invgov.inventory.LocationType;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.ReasonCode;
import com.invgov.inventory.Site;
import com.invgov.inventory.Supplier;
import com.invgov.inventory.SupplierStatus;
import com.invgov.inventory.Tracking;
import com.invgov.inventory.UomConversion;
import com.invgov.inventory.Warehouse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Items, locations, sites, warehouses and suppliers: PUT (ADMIN) creates or replaces; every role reads. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class MasterDataController {

    private final MasterData masterData;
    private final Idempotency idempotency;

    MasterDataController(MasterData masterData, Idempotency idempotency) {
        this.masterData = masterData;
        this.idempotency = idempotency;
    }

    @PutMapping(path = "/items/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or replace an item with its UoM conversions (ADMIN); 201 when new, 200 when replaced")
    ResponseEntity<Object> putItem(@PathVariable String sku, @Valid @RequestBody Requests.ItemRequest body,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   HttpServletRequest request) {
        Codes.check("sku", sku);
        List<UomConversion> conversions = body.uomConversions() == null ? List.of() : body.uomConversions().stream()
                .map(c -> new UomConversion(c.uom(), c.factor())).toList();
        Item item = new Item(sku, body.description(), body.baseUom(), conversions, body.tracking(), body.abcClass(),
                body.category(), body.unitCost(), Boolean.TRUE.equals(body.regulated()), body.shelfLifeDays(),
                body.defaultSupplier());
        return put(request, key, body, () -> masterData.putItem(item));
    }

    @GetMapping("/items/{sku}")
    Item item(@PathVariable String sku) {
        return masterData.storedItem(sku);
    }

    @GetMapping("/items")
    @Operation(summary = "Items by SKU, with filters; q matches SKU or description")
    Page<Item> items(@RequestParam(required = false) String category,
                     @RequestParam(required = false) AbcClass abcClass,
                     @RequestParam(required = false) Tracking tracking,
                     @RequestParam(required = false) Boolean regulated,
                     @RequestParam(required = false) String q,
                     @RequestParam(required = false) String after,
                     @RequestParam(required = false) Integer limit) {
        return masterData.items(new ItemFilter(category, abcClass, tracking, regulated, q), after, Cursor.limit(limit));
    }

    @PutMapping(path = "/locations/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or replace a location (ADMIN); allowNegative is never true for STOCK")
    ResponseEntity<Object> putLocation(@PathVariable String code, @Valid @RequestBody Requests.LocationRequest body,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                       HttpServletRequest request) {
        Codes.check("code", code);
        Location location = new Location(code, body.warehouse(), body.type(), Boolean.TRUE.equals(body.countable()),
                Boolean.TRUE.equals(body.allowNegative()));
        return put(request, key, body, () -> masterData.putLocation(location));
    }

    @GetMapping("/locations/{code}")
    Location location(@PathVariable String code) {
        return masterData.location(code);
    }

    @GetMapping("/locations")
    @Operation(summary = "Real locations by code (virtual ones are built in and not listed)")
    Page<Location> locations(@RequestParam(required = false) String warehouse,
                             @RequestParam(required = false) LocationType type,
                             @RequestParam(required = false) String after,
                             @RequestParam(required = false) Integer limit) {
        return masterData.locations(warehouse, type, after, Cursor.limit(limit));
    }

    @PutMapping(path = "/reason-codes/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a reason code or change its description and GL account (ADMIN); codes are never removed")
    ResponseEntity<Object> putReasonCode(@PathVariable String code, @Valid @RequestBody Requests.ReasonCodeRequest body,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                         HttpServletRequest request) {
        Codes.check("code", code);
        if (code.length() > 40) {
            throw new com.invgov.api.ValidationFailed("code", "at most 40 characters");
        }
        return put(request, key, body, () -> masterData.putReasonCode(
                new ReasonCode(code, body.description(), body.glAccount())));
    }

    @GetMapping("/reason-codes/{code}")
    ReasonCode reasonCode(@PathVariable String code) {
        return masterData.reasonCode(code);
    }

    @GetMapping("/reason-codes")
    @Operation(summary = "The reason codes adjustments and movements are booked with, each with its GL account")
    Page<ReasonCode> reasonCodes() {
        return new Page<>(masterData.reasonCodes(), null);
    }

    @PutMapping(path = "/sites/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> putSite(@PathVariable String code, @Valid @RequestBody Requests.SiteRequest body,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   HttpServletRequest request) {
        Codes.check("code", code);
        return put(request, key, body, () -> masterData.putSite(new Site(code, body.name(), body.timezone())));
    }

    @GetMapping("/sites/{code}")
    Site site(@PathVariable String code) {
        return masterData.site(code);
    }

    @GetMapping("/sites")
    Page<Site> sites(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        return masterData.sites(after, Cursor.limit(limit));
    }

    @PutMapping(path = "/warehouses/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> putWarehouse(@PathVariable String code, @Valid @RequestBody Requests.WarehouseRequest body,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                        HttpServletRequest request) {
        Codes.check("code", code);
        return put(request, key, body,
                () -> masterData.putWarehouse(new Warehouse(code, body.site(), body.name())));
    }

    @GetMapping("/warehouses/{code}")
    Warehouse warehouse(@PathVariable String code) {
        return masterData.warehouse(code);
    }

    @GetMapping("/warehouses")
    Page<Warehouse> warehouses(@RequestParam(required = false) String site,
                               @RequestParam(required = false) String after,
                               @RequestParam(required = false) Integer limit) {
        return masterData.warehouses(site, after, Cursor.limit(limit));
    }

    @PutMapping(path = "/suppliers/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> putSupplier(@PathVariable String code, @Valid @RequestBody Requests.SupplierRequest body,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                       HttpServletRequest request) {
        Codes.check("code", code);
        return put(request, key, body,
                () -> masterData.putSupplier(new Supplier(code, body.name(), body.status())));
    }

    @GetMapping("/suppliers/{code}")
    Supplier supplier(@PathVariable String code) {
        return masterData.supplier(code);
    }

    @GetMapping("/suppliers")
    Page<Supplier> suppliers(@RequestParam(required = false) SupplierStatus status,
                             @RequestParam(required = false) String after,
                             @RequestParam(required = false) Integer limit) {
        return masterData.suppliers(status, after, Cursor.limit(limit));
    }

    private ResponseEntity<Object> put(HttpServletRequest request, String key, Object body,
                                       java.util.function.Supplier<MasterData.Saved<?>> save) {
        return idempotency.run(request, key, false, body, () -> {
            MasterData.Saved<?> saved = save.get();
            return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.value());
        });
    }

}
