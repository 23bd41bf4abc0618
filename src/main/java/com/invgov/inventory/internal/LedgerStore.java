package com.invgov.inventory.internal;

import com.invgov.api.DeferredWrites;
import com.invgov.inventory.Balance;
import com.invgov.inventory.Movement;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.Posting;
import com.invgov.inventory.StockFilter;
import com.invgov.inventory.StockStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Movements and balances in SQL. Every statement that changes a balance locks exactly one row. */
@Repository
public class LedgerStore {

    private static final String MOVEMENT_COLUMNS = """
            m.id, m.type, m.sku, m.quantity, i.base_uom, m.entered_quantity, m.entered_uom, m.lot, m.serial,
            m.from_location, m.from_status, m.to_location, m.to_status, m.reference, m.reason_code, m.event_time,
            m.posted_at, m.actor, m.source_system""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DeferredWrites writes;

    LedgerStore(JdbcClient jdbc, JdbcTemplate template, DeferredWrites writes) {
        this.jdbc = jdbc;
        this.template = template;
        this.writes = writes;
    }

    /** Inserts the movement; empty when (actor, key) was posted before (invariant 4). */
    public Optional<Long> insert(ResolvedMovement m, Posting posting, Instant postedAt) {
        return jdbc.sql("""
                        INSERT INTO movement (type, sku, quantity, entered_quantity, entered_uom, lot, serial,
                            from_location, from_status, to_location, to_status, reference, reason_code, actor,
                            source_system, idempotency_key, event_time, posted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (actor, idempotency_key) DO NOTHING
                        RETURNING id""")
                .params(values(m, posting, posting.idempotencyKey(), postedAt))
                .query(Long.class).optional();
    }

    /**
     * What {@link #post} did: the new movement's id (null when (actor, key) was posted before, or when a whole
     * posting was refused), the index of the first change refused for insufficient stock or -1, and whether a
     * balance it took from is now at zero or below (or may go negative): when not, the pairs it left hold stock.
     */
    public record Posted(Long id, int refused, boolean tookLast) {
    }

    /**
     * Inserts the movement, applies its balance changes (sorted: the global lock order) and appends its outbox
     * event, in one round trip. {@code refused} is the index of the first change refused for insufficient stock,
     * or -1. When refused, a {@code whole} posting has changed nothing (no savepoint needed); otherwise the caller
     * must roll back. A null id without a refusal means (actor, key) was posted before and nothing was done.
     */
    public Posted post(ResolvedMovement m, Posting posting, Instant postedAt, List<Change> changes, boolean whole) {
        List<Object> params = values(m, posting, posting.idempotencyKey(), postedAt);
        params.addAll(arrays(changes));
        params.add(whole);
        // the waiting outbox rows go first: post_movement appends the movement's event, and the feed is in insert order
        return writes.queryWith("SELECT movement_id, refused, took_last FROM post_movement(?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (rs, n) -> new Posted(rs.getObject(1) == null ? null : rs.getLong(1), rs.getInt(2) - 1,
                        rs.getBoolean(3)),
                params.toArray()).get(0);
    }

    /**
     * Locks a pair's balance rows (every lot, serial and status), sent with the next query: a posting in flight on
     * them has committed before that query reads, and later ones wait. By an update that changes nothing, not by
     * {@code SELECT … FOR NO KEY UPDATE}: a posting that may be refused updates the row again in a subtransaction
     * (post_movement's whole posting), and a row locked by a transaction and then updated by its subtransaction gets a
     * MultiXact — one per count, which made every later count of the place slower (counts/s fell by half in the
     * benchmark). A row this transaction updated itself is updated by its subtransaction like any other.
     */
    public void lockBalances(String sku, String location) {
        writes.prefetch("UPDATE balance SET updated_at = updated_at WHERE sku = ? AND location = ? RETURNING 1",
                (rs, n) -> Boolean.TRUE, sku, location);
    }

    /** Movements by id, in the order given (ids that do not exist are left out). */
    public List<Movement> movements(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Movement> rows = jdbc.sql("SELECT " + MOVEMENT_COLUMNS + " FROM movement m JOIN item i ON i.sku = m.sku "
                        + "WHERE m.id = ANY(?)")
                .param(new SqlArrayValue("bigint", ids.toArray()))
                .query(LedgerStore::movementRow).list();
        java.util.Map<String, Movement> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<Movement> ordered = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Movement row = byId.get(String.valueOf(id));
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    /** Inserts many movements with ids taken from the sequence; keys are {@code <batch key>#<index>}. */
    public List<Long> insertAll(List<ResolvedMovement> movements, Posting posting, Instant postedAt) {
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('movement', 'id')) FROM generate_series(1, ?)")
                .param(movements.size()).query(Long.class).list();
        // one statement for all rows (column arrays, unnest): a JDBC batch would still execute 1000 inserts
        int n = movements.size();
        Object[][] columns = new Object[19][n];
        for (int i = 0; i < n; i++) {
            String key = posting.idempotencyKey() == null ? null : posting.idempotencyKey() + "#" + i;
            columns[0][i] = ids.get(i);
            List<Object> values = values(movements.get(i), posting, key, postedAt);
            for (int c = 0; c < values.size(); c++) {
                // instants as ISO-8601 text with their offset: no time-zone guess in the array literal
                Object v = values.get(c);
                columns[c + 1][i] = v instanceof Timestamp t ? t.toInstant().toString() : v;
            }
        }
        String[] types = {"bigint", "text", "text", "numeric", "numeric", "text", "text", "text", "text", "text",
                "text", "text", "text", "text", "text", "text", "text", "timestamptz", "timestamptz"};
        List<Object> params = new ArrayList<>(19);
        for (int c = 0; c < 19; c++) {
            params.add(new SqlArrayValue(types[c], columns[c]));
        }
        jdbc.sql("""
                        INSERT INTO movement (id, type, sku, quantity, entered_quantity, entered_uom, lot, serial,
                            from_location, from_status, to_location, to_status, reference, reason_code, actor,
                            source_system, idempotency_key, event_time, posted_at)
                        SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(params).update();
        return ids;
    }

    private static List<Object> values(ResolvedMovement m, Posting posting, String key, Instant postedAt) {
        List<Object> v = new ArrayList<>(18);
        v.add(m.type().name());
        v.add(m.item().sku());
        v.add(m.quantity());
        v.add(m.enteredQuantity());
        v.add(m.enteredUom());
        v.add(m.lot());
        v.add(m.serial());
        v.add(m.from().code());
        v.add(m.fromStatus().name());
        v.add(m.to().code());
        v.add(m.toStatus().name());
        v.add(m.reference());
        v.add(m.reasonCode());
        v.add(posting.actor());
        v.add(posting.sourceSystem());
        v.add(key);
        v.add(Timestamp.from(m.eventTime()));
        v.add(Timestamp.from(postedAt));
        return v;
    }

    public Optional<Movement> movementByKey(String actor, String key) {
        return jdbc.sql("SELECT " + MOVEMENT_COLUMNS + " FROM movement m JOIN item i ON i.sku = m.sku "
                        + "WHERE m.actor = ? AND m.idempotency_key = ?")
                .params(actor, key).query(LedgerStore::movementRow).optional();
    }

    public Optional<Movement> movement(long id) {
        return jdbc.sql("SELECT " + MOVEMENT_COLUMNS + " FROM movement m JOIN item i ON i.sku = m.sku WHERE m.id = ?")
                .param(id).query(LedgerStore::movementRow).optional();
    }

    /** Ledger oldest first (ascending id) or newest first. */
    public List<Movement> movements(String sku, String location, long afterId, int limit, boolean newestFirst) {
        String order = newestFirst ? "DESC" : "ASC";
        return jdbc.sql("SELECT " + MOVEMENT_COLUMNS + " FROM movement m JOIN item i ON i.sku = m.sku "
                        + "WHERE (" + (newestFirst ? "m.id < ?" : "m.id > ?") + ") "
                        + "AND (CAST(? AS text) IS NULL OR m.sku = ?) "
                        + "AND (CAST(? AS text) IS NULL OR m.from_location = ? OR m.to_location = ?) "
                        + "ORDER BY m.id " + order + " LIMIT ?")
                .params(afterId, sku, sku, location, location, location, limit)
                .query(LedgerStore::movementRow).list();
    }

    static Movement movementRow(ResultSet rs, int n) throws SQLException {
        return new Movement(String.valueOf(rs.getLong("id")), MovementType.valueOf(rs.getString("type")),
                rs.getString("sku"), plain(rs.getBigDecimal("quantity")), rs.getString("base_uom"),
                plain(rs.getBigDecimal("entered_quantity")), rs.getString("entered_uom"),
                emptyToNull(rs.getString("lot")), emptyToNull(rs.getString("serial")),
                new Place(rs.getString("from_location"), StockStatus.valueOf(rs.getString("from_status"))),
                new Place(rs.getString("to_location"), StockStatus.valueOf(rs.getString("to_status"))),
                rs.getString("reference"), rs.getString("reason_code"), rs.getTimestamp("event_time").toInstant(),
                rs.getTimestamp("posted_at").toInstant(), rs.getString("actor"), rs.getString("source_system"));
    }

    // ---- balances

    /** One change of {@link #applyAll}: {@code consumed} is reserved quantity the posting uses up. */
    public record Change(BalanceKey key, BigDecimal delta, BigDecimal consumed, boolean allowNegative) {
    }

    /**
     * Applies changes in the given order (callers sort them: the global lock order) in one round trip; returns
     * the index of the first change refused for insufficient stock, or -1 when all were applied.
     */
    public int applyAll(List<Change> changes, Instant now) {
        List<Object> params = arrays(changes);
        params.add(Timestamp.from(now));
        int refused = jdbc.sql("SELECT apply_balance_changes(?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(params)
                .query(Integer.class).single();
        return refused - 1;
    }

    /** The changes as the eight arrays of apply_balance_changes. */
    private static List<Object> arrays(List<Change> changes) {
        int n = changes.size();
        String[] sku = new String[n], location = new String[n], lot = new String[n], serial = new String[n],
                status = new String[n];
        BigDecimal[] delta = new BigDecimal[n], consumed = new BigDecimal[n];
        Boolean[] allowNegative = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Change c = changes.get(i);
            sku[i] = c.key().sku();
            location[i] = c.key().location();
            lot[i] = c.key().lot();
            serial[i] = c.key().serial();
            status[i] = c.key().status().name();
            delta[i] = c.delta();
            consumed[i] = c.consumed();
            allowNegative[i] = c.allowNegative();
        }
        return new ArrayList<>(List.of(new SqlArrayValue("text", (Object[]) sku),
                new SqlArrayValue("text", (Object[]) location), new SqlArrayValue("text", (Object[]) lot),
                new SqlArrayValue("text", (Object[]) serial), new SqlArrayValue("text", (Object[]) status),
                new SqlArrayValue("numeric", (Object[]) delta), new SqlArrayValue("numeric", (Object[]) consumed),
                new SqlArrayValue("boolean", (Object[]) allowNegative)));
    }

    /** Quantity not reserved, 0 when there is no row. */
    public BigDecimal available(BalanceKey key) {
        return jdbc.sql("""
                        SELECT quantity - reserved FROM balance
                        WHERE sku = ? AND location = ? AND lot = ? AND serial = ? AND status = ?""")
                .params(key.sku(), key.location(), key.lot(), key.serial(), key.status().name())
                .query(BigDecimal.class).optional().map(LedgerStore::plain).orElse(BigDecimal.ZERO);
    }

    /** Stock of the key's item, location, lot and serial in a status other than AVAILABLE, by status. */
    public java.util.Map<StockStatus, BigDecimal> notAvailable(BalanceKey key) {
        java.util.Map<StockStatus, BigDecimal> held = new java.util.EnumMap<>(StockStatus.class);
        jdbc.sql("""
                        SELECT status, quantity FROM balance
                        WHERE sku = ? AND location = ? AND lot = ? AND serial = ? AND status <> 'AVAILABLE'
                          AND quantity > 0""")
                .params(key.sku(), key.location(), key.lot(), key.serial())
                .query((rs, n) -> held.put(StockStatus.valueOf(rs.getString(1)), plain(rs.getBigDecimal(2))))
                .list();
        return held;
    }

    public boolean reserve(BalanceKey key, BigDecimal quantity, Instant now) {
        return jdbc.sql("""
                        UPDATE balance SET reserved = reserved + ?, updated_at = ?
                        WHERE sku = ? AND location = ? AND lot = ? AND serial = ? AND status = ?
                          AND quantity - reserved >= ?""")
                .params(quantity, Timestamp.from(now), key.sku(), key.location(), key.lot(), key.serial(),
                        key.status().name(), quantity)
                .update() == 1;
    }

    public void unreserve(BalanceKey key, BigDecimal quantity, Instant now) {
        jdbc.sql("""
                        UPDATE balance SET reserved = greatest(reserved - ?, 0), updated_at = ?
                        WHERE sku = ? AND location = ? AND lot = ? AND serial = ? AND status = ?""")
                .params(quantity, Timestamp.from(now), key.sku(), key.location(), key.lot(), key.serial(),
                        key.status().name())
                .update();
    }

    // ---- lots and serials

    public void ensureLot(String sku, String lot, LocalDate expiresOn, Instant now) {
        jdbc.sql("INSERT INTO lot (sku, lot, expires_on, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(sku, lot, expiresOn, Timestamp.from(now)).update();
    }

    public Optional<com.invgov.inventory.Lot> lockLot(String sku, String lot) {
        return jdbc.sql("SELECT sku, lot, expires_on, created_at FROM lot WHERE sku = ? AND lot = ? FOR UPDATE")
                .params(sku, lot)
                .query((rs, n) -> new com.invgov.inventory.Lot(rs.getString(1), rs.getString(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    public void lotExpiry(String sku, String lot, LocalDate expiresOn) {
        jdbc.sql("UPDATE lot SET expires_on = ? WHERE sku = ? AND lot = ?").params(expiresOn, sku, lot).update();
    }

    /** Where a serial is: its row locked for the rest of the transaction; location null = outside. */
    public Place lockSerial(String sku, String serial, Instant now) {
        jdbc.sql("INSERT INTO serial (sku, serial, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(sku, serial, Timestamp.from(now)).update();
        return jdbc.sql("SELECT location, status FROM serial WHERE sku = ? AND serial = ? FOR UPDATE")
                .params(sku, serial)
                .query((rs, n) -> new Place(rs.getString(1),
                        rs.getString(2) == null ? null : StockStatus.valueOf(rs.getString(2))))
                .single();
    }

    public void placeSerial(String sku, String serial, String location, StockStatus status, String lot, Instant now) {
        jdbc.sql("UPDATE serial SET location = ?, status = ?, lot = ?, updated_at = ? WHERE sku = ? AND serial = ?")
                .params(location, status == null ? null : status.name(), lot, Timestamp.from(now), sku, serial)
                .update();
    }

    // ---- queries

    public List<Balance> stock(StockFilter f, String[] after, int offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT b.sku, b.location, l.warehouse, b.lot, b.serial, b.status, b.quantity, b.reserved, i.base_uom
                FROM balance b JOIN location l ON l.code = b.location JOIN item i ON i.sku = b.sku
                WHERE (b.quantity <> 0 OR b.reserved <> 0)""");
        List<Object> params = new ArrayList<>();
        if (f.sku() != null) {
            sql.append(" AND b.sku = ?");
            params.add(f.sku());
        }
        if (f.location() != null) {
            sql.append(" AND b.location = ?");
            params.add(f.location());
        }
        if (f.warehouse() != null) {
            sql.append(" AND l.warehouse = ?");
            params.add(f.warehouse());
        }
        if (f.status() != null) {
            sql.append(" AND b.status = ?");
            params.add(f.status().name());
        }
        if (f.lot() != null) {
            sql.append(" AND b.lot = ?");
            params.add(f.lot());
        }
        if (after != null) {
            sql.append(" AND (b.sku, b.location, b.lot, b.serial, b.status) > (?, ?, ?, ?, ?)");
            params.addAll(List.of((Object[]) after));
        }
        sql.append(" ORDER BY b.sku, b.location, b.lot, b.serial, b.status LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Balance(rs.getString("sku"),
                rs.getString("location"), rs.getString("warehouse"), emptyToNull(rs.getString("lot")),
                emptyToNull(rs.getString("serial")), StockStatus.valueOf(rs.getString("status")),
                plain(rs.getBigDecimal("quantity")), plain(rs.getBigDecimal("reserved")), rs.getString("base_uom")))
                .list();
    }

    /** Sum of movements in − out with event time ≤ asOf; status null = every status; lot null = every lot. */
    /**
     * Of these (sku, location) pairs, the ones at a countable STOCK location that holds nothing of the item now,
     * every lot and status (the balances, not the movements): one query however many pairs.
     */
    public java.util.Set<List<String>> emptyCountablePairs(List<String> skus, List<String> locations) {
        return new java.util.HashSet<>(jdbc.sql("""
                        SELECT p.sku, p.location
                        FROM unnest(?, ?) AS p(sku, location)
                        JOIN location l ON l.code = p.location AND l.type = 'STOCK' AND l.countable
                        LEFT JOIN balance b ON b.sku = p.sku AND b.location = p.location
                        GROUP BY p.sku, p.location
                        HAVING coalesce(sum(b.quantity), 0) = 0""")
                .params(new SqlArrayValue("text", skus.toArray()), new SqlArrayValue("text", locations.toArray()))
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list());
    }

    public BigDecimal balanceAsOf(String sku, String location, String lot, StockStatus status, Instant asOf) {
        String st = status == null ? null : status.name();
        return plain(jdbc.sql("""
                        SELECT coalesce(sum(CASE WHEN to_location = ? AND (CAST(? AS text) IS NULL OR to_status = ?)
                                                 THEN quantity ELSE 0 END), 0)
                             - coalesce(sum(CASE WHEN from_location = ? AND (CAST(? AS text) IS NULL OR from_status = ?)
                                                 THEN quantity ELSE 0 END), 0)
                        FROM movement
                        WHERE sku = ? AND event_time <= ? AND (to_location = ? OR from_location = ?)
                          AND (CAST(? AS text) IS NULL OR lot = ?)""")
                .params(location, st, st, location, st, st, sku, Timestamp.from(asOf), location, location, lot, lot)
                .query(BigDecimal.class).single());
    }

    /**
     * The same as {@link #balanceAsOf} for a location that keeps balances: its balance now less the movements with
     * a later event time (one snapshot, so a posting committing meanwhile is in both or in neither). Reads the few
     * movements after {@code asOf} instead of the pair's whole history.
     */
    public BigDecimal balanceLessLaterMovements(String sku, String location, String lot, StockStatus status,
                                                Instant asOf) {
        // conditions only for the lot and status given (four statements, no "? IS NULL OR"): simpler plans, and a
        // third less planning time per call than with optional conditions
        String st = status == null ? null : status.name();
        List<Object> params = new ArrayList<>(12);
        StringBuilder sql = new StringBuilder("SELECT (SELECT coalesce(sum(quantity), 0) FROM balance "
                + "WHERE sku = ? AND location = ?");
        params.add(sku);
        params.add(location);
        if (lot != null) {
            sql.append(" AND lot = ?");
            params.add(lot);
        }
        if (st != null) {
            sql.append(" AND status = ?");
            params.add(st);
        }
        sql.append(") - (SELECT coalesce(sum(CASE WHEN to_location = ?")
                .append(st == null ? "" : " AND to_status = ?")
                .append(" THEN quantity ELSE 0 END) - sum(CASE WHEN from_location = ?")
                .append(st == null ? "" : " AND from_status = ?")
                .append(" THEN quantity ELSE 0 END), 0) FROM movement WHERE sku = ? AND event_time > ? ")
                .append("AND (to_location = ? OR from_location = ?)")
                .append(lot == null ? "" : " AND lot = ?")
                .append(")");
        params.add(location);
        if (st != null) {
            params.add(st);
        }
        params.add(location);
        if (st != null) {
            params.add(st);
        }
        params.addAll(List.of(sku, Timestamp.from(asOf), location, location));
        if (lot != null) {
            params.add(lot);
        }
        // reads prefetched by the caller's unit of work (a count's plan line) travel with this first query
        return plain(writes.queryWith(sql.toString(), (rs, n) -> rs.getBigDecimal(1), params.toArray()).get(0));
    }

    /**
     * Serial numbers at (item, location, lot if given) as of a time, with their lots and the status each is in
     * there now (null: gone since): a stock location's balances less the movements after it, a virtual location's
     * history up to it.
     */
    public java.util.SortedMap<String, com.invgov.inventory.SerialAt> serialsAsOf(String sku, String location,
                                                                                 String lot, Instant asOf,
                                                                                 boolean keepsBalances) {
        String held = keepsBalances ? """
                SELECT serial, lot, quantity AS q FROM balance WHERE sku = :sku AND location = :location AND serial <> ''
                UNION ALL
                SELECT serial, lot, CASE WHEN from_location = :location THEN quantity ELSE 0 END
                    - CASE WHEN to_location = :location THEN quantity ELSE 0 END
                FROM movement WHERE sku = :sku AND event_time > :asOf AND serial <> ''
                  AND (to_location = :location OR from_location = :location)""" : """
                SELECT serial, lot, CASE WHEN to_location = :location THEN quantity ELSE 0 END
                    - CASE WHEN from_location = :location THEN quantity ELSE 0 END AS q
                FROM movement WHERE sku = :sku AND event_time <= :asOf AND serial <> ''
                  AND (to_location = :location OR from_location = :location)""";
        writes.flush();
        java.util.SortedMap<String, com.invgov.inventory.SerialAt> serials = new java.util.TreeMap<>();
        jdbc.sql("SELECT s.serial, s.lot, min(now.status) AS status FROM (" + held + ") s "
                        + "LEFT JOIN serial now ON now.sku = :sku AND now.serial = s.serial AND now.location = :location "
                        + "WHERE CAST(:lot AS text) IS NULL OR s.lot = :lot GROUP BY s.serial, s.lot HAVING sum(q) > 0")
                .param("sku", sku).param("location", location).param("asOf", Timestamp.from(asOf)).param("lot", lot)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> serials.put(rs.getString(1),
                        new com.invgov.inventory.SerialAt(emptyToNull(rs.getString(2)),
                                rs.getString(3) == null ? null : StockStatus.valueOf(rs.getString(3)))));
        return serials;
    }

    public java.util.Set<String> serialsMovedSince(String sku, java.util.Collection<String> serials, Instant since) {
        writes.flush();
        return new java.util.TreeSet<>(jdbc.sql("""
                        SELECT DISTINCT serial FROM movement
                        WHERE sku = ? AND serial = ANY(?) AND event_time > ?""")
                .params(sku, new SqlArrayValue("text", serials.toArray()), Timestamp.from(since))
                .query(String.class).list());
    }

    public java.util.Map<String, String> serialLocations(String sku, java.util.Collection<String> serials) {
        writes.flush();
        java.util.Map<String, String> where = new java.util.TreeMap<>();
        jdbc.sql("SELECT serial, location FROM serial WHERE sku = ? AND serial = ANY(?) AND location IS NOT NULL")
                .params(sku, new SqlArrayValue("text", serials.toArray()))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> where.put(rs.getString(1),
                        rs.getString(2)));
        return where;
    }

    public List<com.invgov.inventory.Lot> lots(String sku, String after, int limit) {
        return jdbc.sql("""
                        SELECT sku, lot, expires_on, created_at FROM lot
                        WHERE (CAST(? AS text) IS NULL OR sku = ?) AND (sku, lot) > (?, ?)
                        ORDER BY sku, lot LIMIT ?""")
                .params(sku, sku, part(after, 0), part(after, 1), limit)
                .query((rs, n) -> new com.invgov.inventory.Lot(rs.getString(1), rs.getString(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getTimestamp(4).toInstant()))
                .list();
    }

    public List<com.invgov.inventory.SerialNumber> serials(String sku, String location, String after, int limit) {
        return jdbc.sql("""
                        SELECT sku, serial, location, status, lot FROM serial
                        WHERE (CAST(? AS text) IS NULL OR sku = ?) AND (CAST(? AS text) IS NULL OR location = ?)
                          AND (sku, serial) > (?, ?)
                        ORDER BY sku, serial LIMIT ?""")
                .params(sku, sku, location, location, part(after, 0), part(after, 1), limit)
                .query((rs, n) -> new com.invgov.inventory.SerialNumber(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4) == null ? null : StockStatus.valueOf(rs.getString(4)),
                        emptyToNull(rs.getString(5))))
                .list();
    }

    /** Part of a two-part cursor position "a\u001fb"; "" when absent. */
    private static String part(String position, int index) {
        if (position == null) {
            return "";
        }
        String[] parts = position.split("\u001f", -1);
        return index < parts.length ? parts[index] : "";
    }

    public void recordRefusal(String kind, String sku, String location, String lot, BigDecimal quantity,
                              String reference, String actor, Instant at) {
        jdbc.sql("""
                        INSERT INTO stock_refusal (kind, sku, location, lot, quantity, reference, actor, refused_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind, sku, location, lot == null ? "" : lot, quantity, reference, actor, Timestamp.from(at))
                .update();
    }

    public long refusals(String kind, Instant since) {
        return jdbc.sql("SELECT count(*) FROM stock_refusal WHERE kind = ? AND refused_at >= ?")
                .params(kind, Timestamp.from(since)).query(Long.class).single();
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
