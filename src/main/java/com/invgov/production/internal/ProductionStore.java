package com.invgov.production.internal;

import com.invgov.production.ProductionOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Production orders and their flows in the database. */
@Repository
public class ProductionStore {

    /** A lot linked to another through an order. */
    public record Link(String sku, String lot, long orderId, BigDecimal quantity) {
    }

    private final JdbcClient jdbc;

    ProductionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean bomExists(String product, String revision) {
        return jdbc.sql("SELECT count(*) FROM bom_line WHERE product = ? AND revision = ?").params(product, revision)
                .query(Integer.class).single() > 0;
    }

    public boolean onBom(String product, String revision, String component) {
        return jdbc.sql("SELECT count(*) FROM bom_line WHERE product = ? AND revision = ? AND component = ?")
                .params(product, revision, component).query(Integer.class).single() > 0;
    }

    public long insertOrder(String sku, String revision, BigDecimal quantity, String actor, Instant now) {
        return jdbc.sql("""
                INSERT INTO production_order (sku, bom_revision, quantity, status, created_by, created_at)
                VALUES (?, ?, ?, 'OPEN', ?, ?) RETURNING id""")
                .params(sku, revision, quantity, actor, Timestamp.from(now)).query(Long.class).single();
    }

    public void insertFlow(long orderId, String direction, String sku, String lot, String serial, BigDecimal quantity,
                           long movementId, Instant now) {
        jdbc.sql("""
                INSERT INTO production_flow (order_id, direction, sku, lot, serial, quantity, movement_id, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, direction, sku, lot == null ? "" : lot, serial == null ? "" : serial, quantity,
                        movementId, Timestamp.from(now)).update();
    }

    public Optional<ProductionOrder> order(long id, boolean lock) {
        List<ProductionOrder.Flow> flows = jdbc.sql("""
                SELECT direction, sku, lot, serial, quantity, movement_id FROM production_flow WHERE order_id = ?
                 ORDER BY id""").params(id)
                .query((rs, n) -> new ProductionOrder.Flow(rs.getString(1), rs.getString(2), empty(rs.getString(3)),
                        empty(rs.getString(4)), plain(rs.getBigDecimal(5)), String.valueOf(rs.getLong(6)))).list();
        return jdbc.sql("SELECT * FROM production_order WHERE id = ?" + (lock ? " FOR UPDATE" : "")).params(id)
                .query((rs, n) -> new ProductionOrder(String.valueOf(rs.getLong("id")), rs.getString("sku"),
                        rs.getString("bom_revision"), plain(rs.getBigDecimal("quantity")), rs.getString("status"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), flows)).optional();
    }

    public void status(long id, String status) {
        jdbc.sql("UPDATE production_order SET status = ? WHERE id = ?").params(status, id).update();
    }

    /** Lots that went into (sku, lot): the IN flows of the orders that produced it. */
    public List<Link> inputsOf(String sku, String lot) {
        return jdbc.sql("""
                SELECT i.sku, i.lot, i.order_id, sum(i.quantity) FROM production_flow o
                  JOIN production_flow i ON i.order_id = o.order_id AND i.direction = 'IN'
                 WHERE o.direction = 'OUT' AND o.sku = ? AND o.lot = ?
                 GROUP BY i.sku, i.lot, i.order_id ORDER BY i.order_id, i.sku, i.lot""").params(sku, lot)
                .query((rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getLong(3), plain(rs.getBigDecimal(4))))
                .list();
    }

    /** Lots made from (sku, lot): the OUT flows of the orders that consumed it. */
    public List<Link> outputsOf(String sku, String lot) {
        return jdbc.sql("""
                SELECT o.sku, o.lot, o.order_id, sum(o.quantity) FROM production_flow i
                  JOIN production_flow o ON o.order_id = i.order_id AND o.direction = 'OUT'
                 WHERE i.direction = 'IN' AND i.sku = ? AND i.lot = ?
                 GROUP BY o.sku, o.lot, o.order_id ORDER BY o.order_id, o.sku, o.lot""").params(sku, lot)
                .query((rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getLong(3), plain(rs.getBigDecimal(4))))
                .list();
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
