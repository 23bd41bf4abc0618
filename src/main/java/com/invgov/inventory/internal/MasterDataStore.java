package com.invgov.inventory.internal;

import com.invgov.inventory.AbcClass;
import com.invgov.inventory.Item;
import com.invgov.inventory.ItemFilter;
import com.invgov.inventory.Location;
import com.invgov.inventory.LocationType;
import com.invgov.inventory.Site;
import com.invgov.inventory.Supplier;
import com.invgov.inventory.SupplierStatus;
import com.invgov.inventory.Tracking;
import com.invgov.inventory.UomConversion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Master-data rows: items and their UoM conversions, sites, warehouses, locations, suppliers. */
@Repository
public class MasterDataStore {

    private final JdbcClient jdbc;

    MasterDataStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Item> item(String sku) {
        return items("WHERE sku = ?", List.of(sku), 1).stream().findFirst();
    }

    public List<Item> items(ItemFilter filter, String afterSku, int limit) {
        StringBuilder where = new StringBuilder("WHERE sku > ?");
        List<Object> params = new ArrayList<>(List.of(afterSku == null ? "" : afterSku));
        if (filter.category() != null) {
            where.append(" AND category = ?");
            params.add(filter.category());
        }
        if (filter.abcClass() != null) {
            where.append(" AND abc_class = ?");
            params.add(filter.abcClass().name());
        }
        if (filter.tracking() != null) {
            where.append(" AND tracking = ?");
            params.add(filter.tracking().name());
        }
        if (filter.regulated() != null) {
            where.append(" AND regulated = ?");
            params.add(filter.regulated());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND (sku ILIKE ? OR description ILIKE ?)");
            String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        return items(where.toString(), params, limit);
    }

    private List<Item> items(String where, List<Object> params, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        List<Item> items = jdbc.sql("""
                        SELECT sku, description, base_uom, tracking, abc_class, category, unit_cost, regulated,
                               shelf_life_days, default_supplier FROM item""" + " " + where + " ORDER BY sku LIMIT ?")
                .params(all)
                .query((rs, n) -> itemRow(rs, List.of()))
                .list();
        if (items.isEmpty()) {
            return items;
        }
        Map<String, List<UomConversion>> conversions = new HashMap<>();
        jdbc.sql("SELECT sku, uom, factor FROM item_uom WHERE sku = ANY (?) ORDER BY sku, factor")
                .param(items.stream().map(Item::sku).toArray(String[]::new))
                .query(rs -> {
                    conversions.computeIfAbsent(rs.getString("sku"), k -> new ArrayList<>())
                            .add(new UomConversion(rs.getString("uom"), rs.getBigDecimal("factor").stripTrailingZeros()));
                });
        return items.stream().map(i -> new Item(i.sku(), i.description(), i.baseUom(),
                conversions.getOrDefault(i.sku(), List.of()), i.tracking(), i.abcClass(), i.category(), i.unitCost(),
                i.regulated(), i.shelfLifeDays(), i.defaultSupplier())).toList();
    }

    private static Item itemRow(ResultSet rs, List<UomConversion> conversions) throws SQLException {
        int shelfLife = rs.getInt("shelf_life_days");
        return new Item(rs.getString("sku"), rs.getString("description"), rs.getString("base_uom"), conversions,
                Tracking.valueOf(rs.getString("tracking")), AbcClass.valueOf(rs.getString("abc_class")),
                rs.getString("category"), rs.getBigDecimal("unit_cost").stripTrailingZeros(), rs.getBoolean("regulated"),
                rs.wasNull() || shelfLife == 0 ? null : shelfLife, rs.getString("default_supplier"));
    }

    /** Inserts or replaces the item and its conversions; true when it was new. */
    public boolean save(Item item, Instant now) {
        boolean created = jdbc.sql("""
                        INSERT INTO item (sku, description, base_uom, tracking, abc_class, category, unit_cost, regulated,
                                          shelf_life_days, default_supplier, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (sku) DO UPDATE SET description = excluded.description, base_uom = excluded.base_uom,
                            tracking = excluded.tracking, abc_class = excluded.abc_class, category = excluded.category,
                            unit_cost = excluded.unit_cost, regulated = excluded.regulated,
                            shelf_life_days = excluded.shelf_life_days, default_supplier = excluded.default_supplier,
                            updated_at = excluded.updated_at
                        RETURNING (xmax = 0) AS created""")
                .params(item.sku(), item.description(), item.baseUom(), item.tracking().name(), item.abcClass().name(),
                        item.category(), item.unitCost(), item.regulated(), item.shelfLifeDays(), item.defaultSupplier(),
                        Timestamp.from(now))
                .query(Boolean.class).single();
        jdbc.sql("DELETE FROM item_uom WHERE sku = ?").param(item.sku()).update();
        for (UomConversion c : item.uomConversions()) {
            jdbc.sql("INSERT INTO item_uom (sku, uom, factor) VALUES (?, ?, ?)")
                    .params(item.sku(), c.uom(), c.factor()).update();
        }
        return created;
    }

    public boolean hasMovements(String sku) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM movement WHERE sku = ?)").param(sku).query(Boolean.class).single();
    }

    public boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM item)").query(Boolean.class).single();
    }

    // ---- locations

    public Optional<Location> location(String code) {
        return jdbc.sql("SELECT code, warehouse, type, countable, allow_negative FROM location WHERE code = ?")
                .param(code).query(MasterDataStore::locationRow).optional();
    }

    public List<Location> locations(String warehouse, LocationType type, String afterCode, int limit) {
        return jdbc.sql("""
                        SELECT code, warehouse, type, countable, allow_negative FROM location
                        WHERE code > ? AND NOT virtual AND (CAST(? AS text) IS NULL OR warehouse = ?)
                          AND (CAST(? AS text) IS NULL OR type = ?)
                        ORDER BY code LIMIT ?""")
                .params(afterCode == null ? "" : afterCode, warehouse, warehouse,
                        type == null ? null : type.name(), type == null ? null : type.name(), limit)
                .query(MasterDataStore::locationRow).list();
    }

    private static Location locationRow(ResultSet rs, int n) throws SQLException {
        return new Location(rs.getString("code"), rs.getString("warehouse"), LocationType.valueOf(rs.getString("type")),
                rs.getBoolean("countable"), rs.getBoolean("allow_negative"));
    }

    public boolean save(Location location, Instant now) {
        return jdbc.sql("""
                        INSERT INTO location (code, warehouse, type, countable, allow_negative, virtual, updated_at)
                        VALUES (?, ?, ?, ?, ?, false, ?)
                        ON CONFLICT (code) DO UPDATE SET warehouse = excluded.warehouse, type = excluded.type,
                            countable = excluded.countable, allow_negative = excluded.allow_negative,
                            updated_at = excluded.updated_at
                        RETURNING (xmax = 0) AS created""")
                .params(location.code(), location.warehouse(), location.type().name(), location.countable(),
                        location.allowNegative(), Timestamp.from(now))
                .query(Boolean.class).single();
    }

    public boolean locationHoldsStock(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM balance WHERE location = ? AND quantity <> 0)")
                .param(code).query(Boolean.class).single();
    }

    // ---- sites, warehouses, suppliers

    public Optional<Site> site(String code) {
        return jdbc.sql("SELECT code, name, timezone FROM site WHERE code = ?").param(code).query(Site.class).optional();
    }

    public List<Site> sites(String afterCode, int limit) {
        return jdbc.sql("SELECT code, name, timezone FROM site WHERE code > ? ORDER BY code LIMIT ?")
                .params(afterCode == null ? "" : afterCode, limit).query(Site.class).list();
    }

    public boolean save(Site site, Instant now) {
        return jdbc.sql("""
                        INSERT INTO site (code, name, timezone, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET name = excluded.name, timezone = excluded.timezone,
                            updated_at = excluded.updated_at
                        RETURNING (xmax = 0) AS created""")
                .params(site.code(), site.name(), site.timezone(), Timestamp.from(now)).query(Boolean.class).single();
    }

    public Optional<com.invgov.inventory.Warehouse> warehouse(String code) {
        return jdbc.sql("SELECT code, site, name FROM warehouse WHERE code = ?").param(code)
                .query(com.invgov.inventory.Warehouse.class).optional();
    }

    public List<com.invgov.inventory.Warehouse> warehouses(String site, String afterCode, int limit) {
        return jdbc.sql("""
                        SELECT code, site, name FROM warehouse WHERE code > ? AND (CAST(? AS text) IS NULL OR site = ?)
                        ORDER BY code LIMIT ?""")
                .params(afterCode == null ? "" : afterCode, site, site, limit)
                .query(com.invgov.inventory.Warehouse.class).list();
    }

    public boolean save(com.invgov.inventory.Warehouse warehouse, Instant now) {
        return jdbc.sql("""
                        INSERT INTO warehouse (code, site, name, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET site = excluded.site, name = excluded.name,
                            updated_at = excluded.updated_at
                        RETURNING (xmax = 0) AS created""")
                .params(warehouse.code(), warehouse.site(), warehouse.name(), Timestamp.from(now))
                .query(Boolean.class).single();
    }

    public Optional<Supplier> supplier(String code) {
        return jdbc.sql("SELECT code, name, status FROM supplier WHERE code = ?").param(code)
                .query((rs, n) -> new Supplier(rs.getString(1), rs.getString(2), SupplierStatus.valueOf(rs.getString(3))))
                .optional();
    }

    public List<Supplier> suppliers(SupplierStatus status, String afterCode, int limit) {
        return jdbc.sql("""
                        SELECT code, name, status FROM supplier WHERE code > ? AND (CAST(? AS text) IS NULL OR status = ?)
                        ORDER BY code LIMIT ?""")
                .params(afterCode == null ? "" : afterCode, status == null ? null : status.name(),
                        status == null ? null : status.name(), limit)
                .query((rs, n) -> new Supplier(rs.getString(1), rs.getString(2), SupplierStatus.valueOf(rs.getString(3))))
                .list();
    }

    public boolean save(Supplier supplier, Instant now) {
        return jdbc.sql("""
                        INSERT INTO supplier (code, name, status, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET name = excluded.name, status = excluded.status,
                            updated_at = excluded.updated_at
                        RETURNING (xmax = 0) AS created""")
                .params(supplier.code(), supplier.name(), supplier.status().name(), Timestamp.from(now))
                .query(Boolean.class).single();
    }

    /** Whether any balance at the location holds or reserves anything. */
    public boolean holdsStock(String location) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM balance WHERE location = ? AND (quantity <> 0 OR reserved <> 0))")
                .param(location).query(Boolean.class).single();
    }

    /** Whether any balance at the location is below zero. */
    public boolean belowZero(String location) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM balance WHERE location = ? AND quantity < 0)")
                .param(location).query(Boolean.class).single();
    }

    public boolean reasonCodeExists(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reason_code WHERE code = ?)").param(code).query(Boolean.class).single();
    }

    public List<com.invgov.inventory.ReasonCode> reasonCodes() {
        return jdbc.sql("SELECT code, description, gl_account FROM reason_code ORDER BY code")
                .query(com.invgov.inventory.ReasonCode.class).list();
    }

    public Optional<com.invgov.inventory.ReasonCode> reasonCode(String code) {
        return jdbc.sql("SELECT code, description, gl_account FROM reason_code WHERE code = ?").param(code)
                .query(com.invgov.inventory.ReasonCode.class).optional();
    }

    /** Creates or replaces; true when created. */
    public boolean save(com.invgov.inventory.ReasonCode reason) {
        return jdbc.sql("""
                        INSERT INTO reason_code (code, description, gl_account) VALUES (?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET description = excluded.description,
                            gl_account = excluded.gl_account
                        RETURNING (xmax = 0) AS created""")
                .params(reason.code(), reason.description(), reason.glAccount()).query(Boolean.class).single();
    }
}
