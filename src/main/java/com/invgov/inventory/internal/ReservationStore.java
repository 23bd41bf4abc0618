package com.invgov.inventory.internal;

import com.invgov.inventory.Reservation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
public class ReservationStore {

    private static final String COLUMNS = """
            r.id, r.sku, r.location, r.lot, r.serial, r.quantity, i.base_uom, r.reference, r.status, r.created_by,
            r.created_at, r.released_at""";

    private final JdbcClient jdbc;

    ReservationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(BalanceKey key, BigDecimal quantity, String reference, String actor, Instant now) {
        return jdbc.sql("""
                        INSERT INTO reservation (sku, location, lot, serial, quantity, reference, status, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) RETURNING id""")
                .params(key.sku(), key.location(), key.lot(), key.serial(), quantity, reference, actor, Timestamp.from(now))
                .query(Long.class).single();
    }

    public Optional<Reservation> find(long id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservation r JOIN item i ON i.sku = r.sku WHERE r.id = ?"
                        + (lock ? " FOR UPDATE OF r" : ""))
                .param(id).query(ReservationStore::row).optional();
    }

    public List<Reservation> list(String reference, String sku, boolean openOnly, long afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservation r JOIN item i ON i.sku = r.sku WHERE r.id > ? "
                        + "AND (CAST(? AS text) IS NULL OR r.reference = ?) AND (CAST(? AS text) IS NULL OR r.sku = ?) "
                        + (openOnly ? "AND r.status = 'OPEN' " : "") + "ORDER BY r.id LIMIT ?")
                .params(afterId, reference, reference, sku, sku, limit).query(ReservationStore::row).list();
    }

    public void release(long id, Instant now) {
        jdbc.sql("UPDATE reservation SET status = 'RELEASED', released_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id).update();
    }

    private static Reservation row(ResultSet rs, int n) throws SQLException {
        Timestamp released = rs.getTimestamp("released_at");
        return new Reservation(String.valueOf(rs.getLong("id")), rs.getString("sku"), rs.getString("location"),
                LedgerStore.emptyToNull(rs.getString("lot")), LedgerStore.emptyToNull(rs.getString("serial")),
                LedgerStore.plain(rs.getBigDecimal("quantity")), rs.getString("base_uom"), rs.getString("reference"),
                rs.getString("status"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                released == null ? null : released.toInstant());
    }
}
