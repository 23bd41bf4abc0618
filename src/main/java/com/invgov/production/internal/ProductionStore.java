package com.invgov.production.internal;

import com.invgov.production.ProductionOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Production orders, their flows and scrap in the database. */
@Repository
public class ProductionStore {

    /** A lot (or serial) linked to another through an order. */
    public record Link(String sku, String lot, String serial, long orderId, BigDecimal quantity) {
    }

    /** A line of a BOM revision: {@code quantity} of {@code component} in {@code uom} per base unit of the product. */
    public record BomLine(int line, String component, BigDecimal quantity, String uom, String consumption) {

        public boolean backflush() {
            return "BACKFLUSH".equals(consumption);
        }
    }

    /** Production and scrap value of one day (UTC), at the items' unit cost. */
    public record DayValue(LocalDate day, BigDecimal produced, BigDecimal scrapped) {
    }

    private static final String SUMMARY = """
            SELECT o.id, o.sku, o.bom_revision, o.quantity, o.status, o.issue_location, o.created_by, o.created_at,
                   (SELECT coalesce(sum(f.quantity), 0) FROM production_flow f
                     WHERE f.order_id = o.id AND f.direction = 'OUT') AS produced,
                   (SELECT coalesce(sum(s.quantity), 0) FROM production_scrap s
                     WHERE s.order_id = o.id AND s.sku = o.sku) AS scrapped
              FROM production_order o""";

    private final JdbcClient jdbc;

    ProductionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean bomExists(String product, String revision) {
        return jdbc.sql("SELECT count(*) FROM bom_line WHERE product = ? AND revision = ?").params(product, revision)
                .query(Integer.class).single() > 0;
    }

    /** The status of a BOM revision (ACTIVE, SUPERSEDED, ...); empty when the product has no such revision. */
    public java.util.Optional<String> bomStatus(String product, String revision) {
        return jdbc.sql("SELECT min(status) FROM bom_line WHERE product = ? AND revision = ? HAVING count(*) > 0")
                .params(product, revision).query(String.class).optional();
    }

    /** The revisions of a product's BOM that are not SUPERSEDED, in order. */
    public List<String> currentRevisions(String product) {
        return jdbc.sql("""
                SELECT DISTINCT revision FROM bom_line WHERE product = ? AND status <> 'SUPERSEDED'
                 ORDER BY revision""").params(product).query(String.class).list();
    }

    public boolean onBom(String product, String revision, String component) {
        return jdbc.sql("SELECT count(*) FROM bom_line WHERE product = ? AND revision = ? AND component = ?")
                .params(product, revision, component).query(Integer.class).single() > 0;
    }

    public List<BomLine> bom(String product, String revision) {
        return jdbc.sql("""
                SELECT line, component, quantity, uom, consumption FROM bom_line WHERE product = ? AND revision = ?
                 ORDER BY line""").params(product, revision)
                .query((rs, n) -> new BomLine(rs.getInt(1), rs.getString(2), plain(rs.getBigDecimal(3)),
                        rs.getString(4), rs.getString(5))).list();
    }

    public long insertOrder(String sku, String revision, BigDecimal quantity, String issueLocation, String actor,
                            Instant now) {
        return jdbc.sql("""
                INSERT INTO production_order (sku, bom_revision, quantity, status, issue_location, created_by, created_at)
                VALUES (?, ?, ?, 'OPEN', ?, ?, ?) RETURNING id""")
                .params(sku, revision, quantity, issueLocation, actor, Timestamp.from(now)).query(Long.class).single();
    }

    public void insertFlow(long orderId, String direction, String sku, String lot, String serial, BigDecimal quantity,
                           long movementId, boolean backflush, Instant now) {
        jdbc.sql("""
                INSERT INTO production_flow (order_id, direction, sku, lot, serial, quantity, movement_id, backflush, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, direction, sku, lot == null ? "" : lot, serial == null ? "" : serial, quantity,
                        movementId, backflush, Timestamp.from(now)).update();
    }

    public void insertScrap(long orderId, String sku, String lot, String serial, BigDecimal quantity, String location,
                            String reasonCode, long movementId, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO production_scrap (order_id, sku, lot, serial, quantity, location, reason_code, movement_id,
                                              posted_by, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, sku, lot == null ? "" : lot, serial == null ? "" : serial, quantity, location,
                        reasonCode, movementId, actor, Timestamp.from(now)).update();
    }

    /** What the order consumed of a component so far (manual issues and backflush), base UoM. */
    public BigDecimal consumed(long orderId, String sku) {
        return jdbc.sql("""
                SELECT coalesce(sum(quantity), 0) FROM production_flow
                 WHERE order_id = ? AND direction = 'IN' AND sku = ?""").params(orderId, sku)
                .query(BigDecimal.class).single();
    }

    public Optional<ProductionOrder> order(long id, boolean lock) {
        if (lock) {
            jdbc.sql("SELECT id FROM production_order WHERE id = ? FOR UPDATE").params(id).query(Long.class).optional();
        }
        List<ProductionOrder.Flow> flows = jdbc.sql("""
                SELECT direction, sku, lot, serial, quantity, movement_id, backflush FROM production_flow
                 WHERE order_id = ? ORDER BY id""").params(id)
                .query((rs, n) -> new ProductionOrder.Flow(rs.getString(1), rs.getString(2), empty(rs.getString(3)),
                        empty(rs.getString(4)), plain(rs.getBigDecimal(5)), String.valueOf(rs.getLong(6)),
                        rs.getBoolean(7))).list();
        List<ProductionOrder.Scrap> scraps = jdbc.sql("""
                SELECT sku, lot, serial, quantity, location, reason_code, movement_id, posted_by, at
                  FROM production_scrap WHERE order_id = ? ORDER BY id""").params(id)
                .query((rs, n) -> new ProductionOrder.Scrap(rs.getString(1), empty(rs.getString(2)),
                        empty(rs.getString(3)), plain(rs.getBigDecimal(4)), rs.getString(5), rs.getString(6),
                        String.valueOf(rs.getLong(7)), rs.getString(8), rs.getTimestamp(9).toInstant())).list();
        return jdbc.sql(SUMMARY + " WHERE o.id = ?").params(id)
                .query((rs, n) -> new ProductionOrder(String.valueOf(rs.getLong("id")), rs.getString("sku"),
                        rs.getString("bom_revision"), plain(rs.getBigDecimal("quantity")), rs.getString("status"),
                        rs.getString("issue_location"), plain(rs.getBigDecimal("produced")),
                        plain(rs.getBigDecimal("scrapped")), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), flows, scraps)).optional();
    }

    /** Orders, newest first, optionally of one status. */
    /** Orders with an id below {@code beforeId}, newest first. */
    public List<ProductionOrder.Summary> orders(String status, long beforeId, int limit) {
        return jdbc.sql(SUMMARY + " WHERE (CAST(? AS text) IS NULL OR o.status = ?) AND o.id < ?"
                        + " ORDER BY o.id DESC LIMIT ?")
                .params(status, status, beforeId, limit).query(ProductionStore::summary).list();
    }

    public void status(long id, String status) {
        jdbc.sql("UPDATE production_order SET status = ? WHERE id = ?").params(status, id).update();
    }

    /** Lots (or serials) that went into (sku, lot) or (sku, serial): the IN flows of the orders that produced it. */
    public List<Link> inputsOf(String sku, String lot, String serial) {
        boolean bySerial = serial != null && !serial.isEmpty();
        return jdbc.sql("""
                SELECT i.sku, i.lot, i.serial, i.order_id, sum(i.quantity) FROM production_flow o
                  JOIN production_flow i ON i.order_id = o.order_id AND i.direction = 'IN'
                 WHERE o.direction = 'OUT' AND o.sku = ? AND o.%s = ?
                 GROUP BY i.sku, i.lot, i.serial, i.order_id ORDER BY i.order_id, i.sku, i.lot, i.serial"""
                        .formatted(bySerial ? "serial" : "lot")).params(sku, bySerial ? serial : lot)
                .query(ProductionStore::link).list();
    }

    /** Lots (or serials) made from (sku, lot) or (sku, serial): the OUT flows of the orders that consumed it. */
    public List<Link> outputsOf(String sku, String lot, String serial) {
        boolean bySerial = serial != null && !serial.isEmpty();
        return jdbc.sql("""
                SELECT o.sku, o.lot, o.serial, o.order_id, sum(o.quantity) FROM production_flow i
                  JOIN production_flow o ON o.order_id = i.order_id AND o.direction = 'OUT'
                 WHERE i.direction = 'IN' AND i.sku = ? AND i.%s = ?
                 GROUP BY o.sku, o.lot, o.serial, o.order_id ORDER BY o.order_id, o.sku, o.lot, o.serial"""
                        .formatted(bySerial ? "serial" : "lot")).params(sku, bySerial ? serial : lot)
                .query(ProductionStore::link).list();
    }

    /**
     * Produced and scrapped value per UTC day in [from, to), at the items' current unit (standard) cost: PRODUCE
     * flows of production orders, and scrap reported against them.
     */
    public List<DayValue> dailyValues(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT day, sum(produced), sum(scrapped) FROM (
                    SELECT (f.at AT TIME ZONE 'UTC')::date AS day, f.quantity * i.unit_cost AS produced, 0 AS scrapped
                      FROM production_flow f JOIN item i ON i.sku = f.sku
                     WHERE f.direction = 'OUT' AND f.at >= ? AND f.at < ?
                    UNION ALL
                    SELECT (s.at AT TIME ZONE 'UTC')::date, 0, s.quantity * i.unit_cost
                      FROM production_scrap s JOIN item i ON i.sku = s.sku
                     WHERE s.at >= ? AND s.at < ?) v
                 GROUP BY day ORDER BY day""")
                .params(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new DayValue(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .list();
    }

    private static Link link(ResultSet rs, int n) throws SQLException {
        return new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), plain(rs.getBigDecimal(5)));
    }

    private static ProductionOrder.Summary summary(ResultSet rs, int n) throws SQLException {
        return new ProductionOrder.Summary(String.valueOf(rs.getLong("id")), rs.getString("sku"),
                rs.getString("bom_revision"), plain(rs.getBigDecimal("quantity")), rs.getString("status"),
                rs.getString("issue_location"), plain(rs.getBigDecimal("produced")),
                plain(rs.getBigDecimal("scrapped")), rs.getTimestamp("created_at").toInstant());
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
