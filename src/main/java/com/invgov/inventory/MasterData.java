package com.invgov.inventory;

import com.invgov.api.Conflict;
import com.invgov.api.Cursor;
import com.invgov.api.EventFeed;
import com.invgov.api.FieldProblem;
import com.invgov.api.NotFound;
import com.invgov.api.Page;
import com.invgov.api.ValidationFailed;
import com.invgov.audit.AuditTrail;
import com.invgov.inventory.internal.MasterDataCache;
import com.invgov.inventory.internal.MasterDataStore;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inventory master data: items, sites, warehouses, locations, suppliers. Every role reads; only ADMIN
 * writes. Writes are upserts ({@code PUT}); each lands in the event feed, and each that changes something in the
 * audit trail with the stored state before and the new state (a PUT that changes nothing is not audited).
 */
@Service
public class MasterData {

    /** The column's scale (numeric(18, 6)): more decimals would be rounded on storing, never silently. */
    static final int UNIT_COST_DECIMALS = 6;
    /** 100 years: a lot's expiry date must stay a date the database and the API can hold. */
    static final int MAX_SHELF_LIFE_DAYS = 36_500;

    /** What a PUT did: the saved value and whether it was new. */
    public record Saved<T>(T value, boolean created) {
    }

    private final MasterDataStore store;
    private final MasterDataCache cache;
    private final CurrentUser user;
    private final EventFeed events;
    private final Clock clock;
    private final AuditTrail audit;

    MasterData(MasterDataStore store, MasterDataCache cache, CurrentUser user, EventFeed events, Clock clock,
               AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.cache = cache;
        this.user = user;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Whether the reason code is on the configurable list of DESIGN §3 (read through the node's short-lived cache:
     * every ADJUSTMENT and SCRAP posting asks).
     */
    @Transactional(readOnly = true)
    public boolean reasonCodeExists(String code) {
        return code != null && !code.isBlank() && cache.reasonCodeExists(code);
    }

    // ---- items

    /**
     * The item (404 when there is none). Read through the node's short-lived cache, as the posting path does: a
     * change on this node is seen at once, one on another node within seconds.
     */
    public Item item(String sku) {
        return cache.item(sku).orElseThrow(() -> new NotFound("item", sku));
    }

    /** The item as stored now, bypassing the cache ({@code GET /items/{sku}}: what an integration just wrote). */
    @Transactional(readOnly = true)
    public Item storedItem(String sku) {
        return store.item(sku).orElseThrow(() -> new NotFound("item", sku));
    }

    /** The item, if there is one (a scanned code may be an item or not); cached like {@link #item}. */
    public java.util.Optional<Item> findItem(String sku) {
        return sku == null || sku.isBlank() ? java.util.Optional.empty() : cache.item(sku);
    }

    /** The real location, if there is one; cached like {@link #item}. */
    public java.util.Optional<Location> findLocation(String code) {
        return code == null || code.isBlank() ? java.util.Optional.empty()
                : cache.location(code).filter(l -> !l.isVirtual());
    }

    @Transactional(readOnly = true)
    public Page<Item> items(ItemFilter filter, String after, int limit) {
        return Page.of(store.items(filter, Cursor.decode(after), limit + 1), limit, Item::sku);
    }

    @Transactional
    public Saved<Item> putItem(Item item) {
        user.requireAnyRole("change master data", Role.ADMIN);
        validate(item);
        Optional<Item> stored = store.item(item.sku());
        stored.ifPresent(before -> {
            boolean baseChanged = !before.baseUom().equals(item.baseUom());
            boolean trackingChanged = before.tracking() != item.tracking();
            if ((baseChanged || trackingChanged) && store.hasMovements(item.sku())) {
                throw new Conflict("Item " + item.sku() + " has movements: its base UoM and tracking cannot change.");
            }
        });
        boolean created = store.save(item, clock.instant());
        cache.evictItem(item.sku());
        events.append(created ? "ItemCreated" : "ItemChanged", "item", item.sku(), item);
        audit.record(created ? "ITEM_CREATED" : "ITEM_CHANGED", "item", item.sku(), stored.orElse(null), item, null);
        return new Saved<>(item, created);
    }

    private void validate(Item item) {
        List<FieldProblem> errors = new ArrayList<>();
        uomCodeProblem(item.baseUom()).ifPresent(p -> errors.add(new FieldProblem("baseUom", p)));
        // UoMs are matched exactly, but BOX and box in one item would be two factors for what a user reads as one
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < item.uomConversions().size(); i++) {
            UomConversion c = item.uomConversions().get(i);
            String field = "uomConversions[" + i + "]";
            if (c.uom() == null || c.uom().isBlank()) {
                errors.add(new FieldProblem(field + ".uom", "required"));
            } else if (uomCodeProblem(c.uom()).isPresent()) {
                errors.add(new FieldProblem(field + ".uom", uomCodeProblem(c.uom()).get()));
            } else if (c.uom().equalsIgnoreCase(item.baseUom())) {
                errors.add(new FieldProblem(field + ".uom", "is the base UoM"));
            } else if (!seen.add(c.uom().toUpperCase(java.util.Locale.ROOT))) {
                errors.add(new FieldProblem(field + ".uom", "given twice (UoMs differing only in case count as one)"));
            }
            if (c.factor() == null || c.factor().signum() <= 0) {
                errors.add(new FieldProblem(field + ".factor", "must be greater than 0"));
            } else if (Quantities.decimals(c.factor()) > 6 || c.factor().compareTo(Quantities.MAX) > 0) {
                errors.add(new FieldProblem(field + ".factor", "at most 10^12 with at most 6 decimals"));
            }
        }
        if (item.tracking() == Tracking.SERIAL && !item.uomConversions().isEmpty()) {
            errors.add(new FieldProblem("uomConversions", "serial-tracked items move one unit per serial"));
        }
        if (item.unitCost() != null && Quantities.decimals(item.unitCost()) > UNIT_COST_DECIMALS) {
            errors.add(new FieldProblem("unitCost", "at most " + UNIT_COST_DECIMALS + " decimals"));
        }
        if (item.shelfLifeDays() != null && (item.shelfLifeDays() < 1 || item.shelfLifeDays() > MAX_SHELF_LIFE_DAYS)) {
            errors.add(new FieldProblem("shelfLifeDays", "must be between 1 and " + MAX_SHELF_LIFE_DAYS
                    + " days (100 years)"));
        }
        if (item.category() != null && item.category().codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldProblem("category", "must not contain control characters"));
        }
        if (item.defaultSupplier() != null && store.supplier(item.defaultSupplier()).isEmpty()) {
            errors.add(new FieldProblem("defaultSupplier", "unknown supplier " + item.defaultSupplier()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("The item has invalid fields.", errors);
        }
    }

    /** A UoM is a code: no spaces (around or inside) and no control characters; other letters and signs are fine. */
    private static Optional<String> uomCodeProblem(String uom) {
        if (uom != null && uom.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c))) {
            return Optional.of("must not contain spaces or control characters");
        }
        return Optional.empty();
    }

    // ---- locations

    @Transactional(readOnly = true)
    public Location location(String code) {
        return store.location(code).filter(l -> !l.isVirtual()).orElseThrow(() -> new NotFound("location", code));
    }

    @Transactional(readOnly = true)
    public Page<Location> locations(String warehouse, LocationType type, String after, int limit) {
        return Page.of(store.locations(warehouse, type, Cursor.decode(after), limit + 1), limit, Location::code);
    }

    @Transactional
    public Saved<Location> putLocation(Location location) {
        user.requireAnyRole("change master data", Role.ADMIN);
        List<FieldProblem> errors = new ArrayList<>();
        if (location.type().isVirtual()) {
            errors.add(new FieldProblem("type", "virtual locations are built in"));
        }
        if (location.type() == LocationType.STOCK && location.allowNegative()) {
            errors.add(new FieldProblem("allowNegative", "never true for STOCK locations"));
        }
        if (store.warehouse(location.warehouse()).isEmpty()) {
            errors.add(new FieldProblem("warehouse", "unknown warehouse " + location.warehouse()));
        }
        store.location(location.code()).filter(Location::isVirtual).ifPresent(v ->
                errors.add(new FieldProblem("code", "is a built-in virtual location")));
        if (!errors.isEmpty()) {
            throw new ValidationFailed("The location has invalid fields.", errors);
        }
        Optional<Location> stored = store.location(location.code());
        stored.ifPresent(existing -> {
            // the stock there would change warehouse or kind under the ledger's feet (a STOCK bin turned SCRAP)
            boolean moves = !existing.warehouse().equals(location.warehouse()) || existing.type() != location.type();
            if (moves && store.holdsStock(location.code())) {
                throw new com.invgov.api.Conflict(location.code() + " holds stock: move it out before changing the "
                        + "location's warehouse or type.");
            }
            if (existing.allowNegative() && !location.allowNegative() && store.belowZero(location.code())) {
                throw new com.invgov.api.Conflict(location.code() + " is below zero: bring it back to zero before "
                        + "it stops allowing negative stock.");
            }
        });
        boolean created = store.save(location, clock.instant());
        cache.evictLocation(location.code());
        events.append(created ? "LocationCreated" : "LocationChanged", "location", location.code(), location);
        audit.record(created ? "LOCATION_CREATED" : "LOCATION_CHANGED", "location", location.code(),
                stored.orElse(null), location, null);
        return new Saved<>(location, created);
    }

    // ---- reason codes

    /** The reason codes adjustments and movements are booked with, by code. */
    @Transactional(readOnly = true)
    public List<ReasonCode> reasonCodes() {
        return store.reasonCodes();
    }

    @Transactional(readOnly = true)
    public ReasonCode reasonCode(String code) {
        return store.reasonCode(code).orElseThrow(() -> new NotFound("reason code", code));
    }

    /**
     * Adds a reason code or changes its description and GL account (ADMIN). A code is never removed: movements and
     * adjustments keep it.
     */
    @Transactional
    public Saved<ReasonCode> putReasonCode(ReasonCode reason) {
        user.requireAnyRole("change master data", Role.ADMIN);
        Optional<ReasonCode> stored = store.reasonCode(reason.code());
        boolean created = store.save(reason);
        events.append(created ? "ReasonCodeCreated" : "ReasonCodeChanged", "reason-code", reason.code(), reason);
        audit.record(created ? "REASON_CODE_CREATED" : "REASON_CODE_CHANGED", "reason-code", reason.code(),
                stored.orElse(null), reason, null);
        return new Saved<>(reason, created);
    }

    // ---- sites and warehouses

    @Transactional(readOnly = true)
    public Site site(String code) {
        return store.site(code).orElseThrow(() -> new NotFound("site", code));
    }

    @Transactional(readOnly = true)
    public Page<Site> sites(String after, int limit) {
        return Page.of(store.sites(Cursor.decode(after), limit + 1), limit, Site::code);
    }

    @Transactional
    public Saved<Site> putSite(Site site) {
        user.requireAnyRole("change master data", Role.ADMIN);
        try {
            ZoneId.of(site.timezone());
        } catch (RuntimeException e) {
            throw new ValidationFailed("timezone", "not a time zone id such as Europe/Berlin");
        }
        Optional<Site> stored = store.site(site.code());
        boolean created = store.save(site, clock.instant());
        events.append(created ? "SiteCreated" : "SiteChanged", "site", site.code(), site);
        audit.record(created ? "SITE_CREATED" : "SITE_CHANGED", "site", site.code(), stored.orElse(null), site, null);
        return new Saved<>(site, created);
    }

    @Transactional(readOnly = true)
    public Warehouse warehouse(String code) {
        return store.warehouse(code).orElseThrow(() -> new NotFound("warehouse", code));
    }

    @Transactional(readOnly = true)
    public Page<Warehouse> warehouses(String site, String after, int limit) {
        return Page.of(store.warehouses(site, Cursor.decode(after), limit + 1), limit, Warehouse::code);
    }

    @Transactional
    public Saved<Warehouse> putWarehouse(Warehouse warehouse) {
        user.requireAnyRole("change master data", Role.ADMIN);
        if (store.site(warehouse.site()).isEmpty()) {
            throw new ValidationFailed("site", "unknown site " + warehouse.site());
        }
        Optional<Warehouse> stored = store.warehouse(warehouse.code());
        boolean created = store.save(warehouse, clock.instant());
        events.append(created ? "WarehouseCreated" : "WarehouseChanged", "warehouse", warehouse.code(), warehouse);
        audit.record(created ? "WAREHOUSE_CREATED" : "WAREHOUSE_CHANGED", "warehouse", warehouse.code(),
                stored.orElse(null), warehouse, null);
        return new Saved<>(warehouse, created);
    }

    // ---- suppliers

    @Transactional(readOnly = true)
    public Supplier supplier(String code) {
        return store.supplier(code).orElseThrow(() -> new NotFound("supplier", code));
    }

    @Transactional(readOnly = true)
    public Page<Supplier> suppliers(SupplierStatus status, String after, int limit) {
        return Page.of(store.suppliers(status, Cursor.decode(after), limit + 1), limit, Supplier::code);
    }

    @Transactional
    public Saved<Supplier> putSupplier(Supplier supplier) {
        user.requireAnyRole("change master data", Role.ADMIN);
        Optional<Supplier> stored = store.supplier(supplier.code());
        boolean created = store.save(supplier, clock.instant());
        events.append(created ? "SupplierCreated" : "SupplierChanged", "supplier", supplier.code(), supplier);
        audit.record(created ? "SUPPLIER_CREATED" : "SUPPLIER_CHANGED", "supplier", supplier.code(),
                stored.orElse(null), supplier, null);
        return new Saved<>(supplier, created);
    }

}
