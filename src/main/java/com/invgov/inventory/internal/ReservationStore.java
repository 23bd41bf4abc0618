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

    /**
     * Consumes open reservations of a reference on one balance, oldest first, up to {@code quantity} (an ISSUE or
     * SHIP of reserved stock); returns how much reserved quantity was consumed. Rows are locked before balances.
     */
    public BigDecimal consume(BalanceKey key, String reference, BigDecimal quantity, Instant now) {
        List<Object[]> open = jdbc.sql("""
                        SELECT id, quantity FROM reservation
                        WHERE sku = ? AND location = ? AND lot = ? AND serial = ? AND reference = ? AND status = 'OPEN'
                        ORDER BY id FOR UPDATE""")
                .params(key.sku(), key.location(), key.lot(), key.serial(), reference)
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getBigDecimal(2)}).list();
        BigDecimal left = quantity;
        BigDecimal consumed = BigDecimal.ZERO;
        for (Object[] row : open) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal held = (BigDecimal) row[1];
            BigDecimal take = held.min(left);
            if (take.compareTo(held) == 0) {
                jdbc.sql("UPDATE reservation SET status = 'CONSUMED', released_at = ? WHERE id = ?")
                        .params(Timestamp.from(now), row[0]).update();
            } else {
                jdbc.sql("UPDATE reservation SET quantity = quantity - ? WHERE id = ?").params(take, row[0]).update();
            }
            left = left.subtract(take);
            consumed = consumed.add(take);
        }
        return consumed;
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
