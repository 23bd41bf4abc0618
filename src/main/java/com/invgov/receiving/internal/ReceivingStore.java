package com.invgov.receiving.internal;

import com.invgov.receiving.ExpectedReceipt;
import com.invgov.receiving.ExpectedReceiptCommand;
import com.invgov.receiving.OverdueFigures;
import com.invgov.receiving.Receipt;
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

/** Expected receipts and receipts in the database. */
@Repository
public class ReceivingStore {

    private static final String EXPECTED = """
            SELECT e.*, coalesce(e.expected_base, e.quantity * coalesce(u.factor, CASE WHEN e.uom = i.base_uom THEN 1 END))
                   AS base_quantity, i.base_uom
              FROM expected_receipt e JOIN item i ON i.sku = e.sku
              LEFT JOIN item_uom u ON u.sku = e.sku AND u.uom = e.uom
            """;

    private final JdbcClient jdbc;

    ReceivingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Expected receipts after ({@code afterPo}, {@code afterLine}) in (po, line) order, the line compared as a number
     * (null {@code afterPo}: from the start).
     */
    public List<ExpectedReceipt> expected(String warehouse, Boolean openOnly, Boolean overdueOnly, LocalDate today,
                                          String afterPo, int afterLine, int limit) {
        StringBuilder sql = new StringBuilder(EXPECTED).append(" WHERE true");
        if (afterPo != null) {
            sql.append(" AND (e.po, e.line) > (:afterPo, :afterLine)");
        }
        if (warehouse != null) {
            sql.append(" AND e.warehouse = :warehouse");
        }
        if (Boolean.TRUE.equals(openOnly) || Boolean.TRUE.equals(overdueOnly)) {
            sql.append(" AND NOT e.closed");
        }
        if (Boolean.TRUE.equals(overdueOnly)) {
            sql.append(" AND e.due_date < :today");
        }
        sql.append(" ORDER BY e.po, e.line LIMIT :limit");
        var spec = jdbc.sql(sql.toString()).param("limit", limit);
        if (afterPo != null) {
            spec = spec.param("afterPo", afterPo).param("afterLine", afterLine);
        }
        if (warehouse != null) {
            spec = spec.param("warehouse", warehouse);
        }
        if (Boolean.TRUE.equals(overdueOnly)) {
            spec = spec.param("today", today);
        }
        return spec.query((rs, n) -> expected(rs, today)).list().stream()
                .filter(e -> !Boolean.TRUE.equals(overdueOnly) || e.overdue()).toList();
    }

    /** The cursor position of a line: po, U+001F, the line (at least 6 digits, as the cursors given out before). */
    public static String key(String po, int line) {
        return po + "\u001f" + String.format("%06d", line);
    }

    public Optional<ExpectedReceipt> expected(String po, int line, LocalDate today, boolean forUpdate) {
        return jdbc.sql(EXPECTED + " WHERE e.po = ? AND e.line = ?" + (forUpdate ? " FOR UPDATE OF e" : ""))
                .params(po, line).query((rs, n) -> expected(rs, today)).optional();
    }

    /**
     * Creates or changes the line in one statement (concurrent identical PUTs all succeed); {@code expectedBase} is
     * the quantity in the item's base UoM, and a changed line is complete again only when what arrived covers it.
     * True when the line was created.
     */
    public boolean upsert(ExpectedReceiptCommand c, BigDecimal expectedBase, Instant now) {
        return jdbc.sql("""
                INSERT INTO expected_receipt AS e (po, line, supplier, sku, quantity, uom, due_date, warehouse,
                       expected_base, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (po, line) DO UPDATE SET supplier = excluded.supplier, sku = excluded.sku,
                       quantity = excluded.quantity, uom = excluded.uom, due_date = excluded.due_date,
                       warehouse = excluded.warehouse, expected_base = excluded.expected_base,
                       closed = e.received_quantity >= excluded.expected_base, updated_at = excluded.updated_at
                RETURNING (xmax = 0)""")
                .params(c.po(), c.line(), c.supplier(), c.sku(), c.quantity(), c.uom(), c.dueDate(), c.warehouse(),
                        expectedBase, Timestamp.from(now)).query(Boolean.class).single();
    }

    /** Whether any receipt was posted against the line (a rejected one too). */
    public boolean hasReceipts(String po, int line) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM receipt WHERE po = ? AND line = ?)").params(po, line)
                .query(Boolean.class).single();
    }

    /** Adds to what has arrived; the line closes once all of it is there. */
    public void addReceived(String po, int line, BigDecimal quantity, BigDecimal expectedBase, Instant now) {
        jdbc.sql("""
                UPDATE expected_receipt SET received_quantity = received_quantity + :q,
                       closed = (received_quantity + :q) >= :expected, updated_at = :now
                 WHERE po = :po AND line = :line""")
                .param("q", quantity).param("expected", expectedBase).param("now", Timestamp.from(now))
                .param("po", po).param("line", line).update();
    }

    public int previousReceipts(String sku, String supplier) {
        return jdbc.sql("SELECT count(*) FROM receipt WHERE sku = ? AND supplier = ?").params(sku, supplier)
                .query(Integer.class).single();
    }

    public int receiptsSinceLastInspection(String sku, String supplier) {
        return jdbc.sql("""
                SELECT count(*) FROM receipt WHERE sku = :sku AND supplier = :supplier AND id > coalesce(
                  (SELECT max(id) FROM receipt WHERE sku = :sku AND supplier = :supplier AND inspect), 0)""")
                .param("sku", sku).param("supplier", supplier).query(Integer.class).single();
    }

    public record NewReceipt(String po, Integer line, String supplier, String sku, BigDecimal quantity,
                             BigDecimal enteredQuantity, String enteredUom, String lot, String serial,
                             LocalDate expiry, String location, String status, boolean inspect, String inspectionReason,
                             Integer inspectionVersion, String toleranceOutcome, Integer toleranceVersion,
                             String approval, long movementId, String receivedBy, Instant receivedAt,
                             boolean unplanned, String approverRoles) {
    }

    public long insert(NewReceipt r) {
        return jdbc.sql("""
                INSERT INTO receipt (po, line, supplier, sku, quantity, entered_quantity, entered_uom, lot, serial,
                       expires_on, location, status, inspect, inspection_reason, inspection_version, tolerance_outcome,
                       tolerance_version, approval, movement_id, received_by, received_at, unplanned, approver_roles)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(r.po(), r.line(), r.supplier(), r.sku(), r.quantity(), r.enteredQuantity(), r.enteredUom(),
                        r.lot(), r.serial(), r.expiry(), r.location(), r.status(), r.inspect(), r.inspectionReason(),
                        r.inspectionVersion(), r.toleranceOutcome(), r.toleranceVersion(), r.approval(),
                        r.movementId(), r.receivedBy(), Timestamp.from(r.receivedAt()), r.unplanned(),
                        r.approverRoles())
                .query(Long.class).single();
    }

    public Optional<Receipt> receipt(long id, boolean forUpdate) {
        return jdbc.sql("SELECT r.*, i.base_uom FROM receipt r JOIN item i ON i.sku = r.sku WHERE r.id = ?"
                        + (forUpdate ? " FOR UPDATE OF r" : ""))
                .params(id).query((rs, n) -> receipt(rs)).optional();
    }

    /** Receipts after {@code afterId}, of one PO and one state (null = any), in id order. */
    public List<Receipt> receipts(String po, String state, long afterId, int limit) {
        // the state as receipt(ResultSet) derives it, so a page holds {@code limit} receipts of that state
        return jdbc.sql("""
                SELECT r.*, i.base_uom FROM receipt r JOIN item i ON i.sku = r.sku
                 WHERE r.id > :after AND (cast(:po AS varchar) IS NULL OR r.po = :po)
                   AND (cast(:state AS varchar) IS NULL OR CASE
                        WHEN r.putaway_location IS NOT NULL THEN 'PUT_AWAY'
                        WHEN r.approval = 'REJECTED' THEN 'REJECTED'
                        WHEN r.approval = 'PENDING' THEN 'AWAITING_APPROVAL'
                        WHEN r.inspect AND r.inspection_result IS NULL THEN 'AWAITING_INSPECTION'
                        WHEN r.inspection_result = 'FAILED' THEN 'ON_HOLD'
                        ELSE 'READY_FOR_PUTAWAY' END = :state)
                 ORDER BY r.id LIMIT :limit""")
                .param("after", afterId).param("po", po).param("state", state).param("limit", limit)
                .query((rs, n) -> receipt(rs)).list();
    }

    public List<Receipt> receiptsOfLot(String sku, String lot) {
        return jdbc.sql("""
                SELECT r.*, i.base_uom FROM receipt r JOIN item i ON i.sku = r.sku
                 WHERE r.sku = ? AND r.lot = ? ORDER BY r.id""").params(sku, lot).query((rs, n) -> receipt(rs)).list();
    }

    public void approval(long id, String approval, String by) {
        jdbc.sql("UPDATE receipt SET approval = ?, approved_by = ? WHERE id = ?").params(approval, by, id).update();
    }

    /** The status the receipt's stock has at the receiving location (an approved over-receipt's, AVAILABLE). */
    public void status(long id, String status) {
        jdbc.sql("UPDATE receipt SET status = ? WHERE id = ?").params(status, id).update();
    }

    public void inspected(long id, String result, String by, String checksJson) {
        jdbc.sql("UPDATE receipt SET inspection_result = ?, inspected_by = ?, inspection_checks = ? WHERE id = ?")
                .params(result, by, checksJson, id).update();
    }

    /** The checklist of the item's category, else the default ('*') one. */
    public List<com.invgov.receiving.InspectionCheck> checklist(String sku) {
        return jdbc.sql("""
                SELECT c.name, c.min, c.max, c.unit FROM inspection_check c
                 WHERE c.category = coalesce((SELECT i.category FROM item i WHERE i.sku = :sku
                         AND EXISTS (SELECT 1 FROM inspection_check x WHERE x.category = i.category)), '*')
                 ORDER BY c.seq, c.name""").param("sku", sku)
                .query((rs, n) -> new com.invgov.receiving.InspectionCheck(rs.getString(1), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getString(4))).list();
    }

    public void putAway(long id, String location, String by) {
        jdbc.sql("UPDATE receipt SET putaway_location = ?, putaway_by = ? WHERE id = ?").params(location, by, id)
                .update();
    }

    /** A STOCK location of the warehouse holding the item (most first), else an empty STOCK location. */
    public Optional<String> suggestPutaway(String warehouse, String sku) {
        Optional<String> holding = jdbc.sql("""
                SELECT b.location FROM balance b JOIN location l ON l.code = b.location
                 WHERE l.warehouse = ? AND l.type = 'STOCK' AND b.sku = ? AND b.quantity > 0
                 GROUP BY b.location ORDER BY sum(b.quantity) DESC, b.location LIMIT 1""")
                .params(warehouse, sku).query(String.class).optional();
        if (holding.isPresent()) {
            return holding;
        }
        return jdbc.sql("""
                SELECT l.code FROM location l WHERE l.warehouse = ? AND l.type = 'STOCK'
                   AND NOT EXISTS (SELECT 1 FROM balance b WHERE b.location = l.code AND b.quantity > 0)
                 ORDER BY l.code LIMIT 1""").params(warehouse).query(String.class).optional();
    }

    public Optional<String> receivingLocation(String warehouse) {
        return jdbc.sql("SELECT code FROM location WHERE warehouse = ? AND type = 'RECEIVING' ORDER BY code LIMIT 1")
                .params(warehouse).query(String.class).optional();
    }

    public Optional<String> warehouseOf(String location) {
        return jdbc.sql("SELECT warehouse FROM location WHERE code = ?").params(location).query(String.class)
                .optional();
    }

    /** Marks the open lines due before {@code today} not announced yet as announced, and returns them. */
    public List<ExpectedReceipt> announceOverdue(LocalDate today) {
        List<String[]> keys = jdbc.sql("""
                UPDATE expected_receipt SET overdue_announced = true
                 WHERE NOT closed AND due_date < ? AND NOT overdue_announced RETURNING po, line""")
                .params(today).query((rs, n) -> new String[] {rs.getString(1), String.valueOf(rs.getInt(2))}).list();
        return keys.stream().map(k -> expected(k[0], Integer.parseInt(k[1]), today, false).orElseThrow()).toList();
    }

    public boolean supplierExists(String code) {
        return jdbc.sql("SELECT count(*) FROM supplier WHERE code = ?").params(code).query(Integer.class).single() > 0;
    }

    public boolean warehouseExists(String code) {
        return jdbc.sql("SELECT count(*) FROM warehouse WHERE code = ?").params(code).query(Integer.class).single() > 0;
    }

    private static ExpectedReceipt expected(ResultSet rs, LocalDate today) throws SQLException {
        BigDecimal quantity = rs.getBigDecimal("quantity");
        // stored with the line; a line written outside the API whose UoM the item no longer has counts as entered
        BigDecimal expectedBase = rs.getBigDecimal("base_quantity") == null ? quantity
                : rs.getBigDecimal("base_quantity");
        BigDecimal received = rs.getBigDecimal("received_quantity");
        BigDecimal open = expectedBase.subtract(received).max(BigDecimal.ZERO);
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        boolean closed = rs.getBoolean("closed");
        return new ExpectedReceipt(rs.getString("po"), rs.getInt("line"), rs.getString("supplier"),
                rs.getString("sku"), strip(quantity), rs.getString("uom"), due, rs.getString("warehouse"),
                strip(expectedBase), strip(received), strip(open), rs.getString("base_uom"), closed,
                !closed && due.isBefore(today));
    }

    /** Receipts whose inspection is due: inspected per decision, not yet inspected, not waiting for a planner. */
    public List<Receipt> awaitingInspection(int limit) {
        return jdbc.sql("""
                SELECT r.*, i.base_uom FROM receipt r JOIN item i ON i.sku = r.sku
                 WHERE r.inspect AND r.inspection_result IS NULL AND r.approval IN ('NONE', 'APPROVED')
                   AND r.putaway_location IS NULL ORDER BY r.id LIMIT ?""").params(limit)
                .query((rs, n) -> receipt(rs)).list();
    }

    /** Open lines due on or before {@code today}: overdue ones first (oldest due first), then today's. */
    public List<ExpectedReceipt> dueBy(String warehouse, LocalDate today, int limit) {
        return jdbc.sql(EXPECTED + """
                 WHERE NOT e.closed AND e.due_date <= :today
                   AND (cast(:warehouse AS varchar) IS NULL OR e.warehouse = :warehouse)
                 ORDER BY e.due_date, e.po, e.line LIMIT :limit""")
                .param("today", today).param("warehouse", warehouse).param("limit", limit)
                .query((rs, n) -> expected(rs, today)).list();
    }

    public OverdueFigures overdueFigures(LocalDate today) {
        return jdbc.sql("""
                SELECT count(*), min(e.due_date),
                       coalesce(sum(greatest(coalesce(e.expected_base, e.quantity * coalesce(u.factor, 1))
                                              - e.received_quantity, 0)
                                     * i.unit_cost), 0)
                  FROM expected_receipt e JOIN item i ON i.sku = e.sku
                  LEFT JOIN item_uom u ON u.sku = e.sku AND u.uom = e.uom
                 WHERE NOT e.closed AND e.due_date < ?""").params(today)
                .query((rs, n) -> new OverdueFigures(rs.getInt(1), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3).setScale(2, java.math.RoundingMode.HALF_UP))).single();
    }

    private static Receipt receipt(ResultSet rs) throws SQLException {
        String approval = rs.getString("approval");
        boolean inspect = rs.getBoolean("inspect");
        String result = rs.getString("inspection_result");
        String putaway = rs.getString("putaway_location");
        String state;
        if (putaway != null) {
            state = "PUT_AWAY";
        } else if ("REJECTED".equals(approval)) {
            state = "REJECTED";
        } else if ("PENDING".equals(approval)) {
            state = "AWAITING_APPROVAL";
        } else if (inspect && result == null) {
            state = "AWAITING_INSPECTION";
        } else if ("FAILED".equals(result)) {
            state = "ON_HOLD";
        } else {
            state = "READY_FOR_PUTAWAY";
        }
        int line = rs.getInt("line");
        Integer lineOrNull = rs.wasNull() ? null : line;
        return new Receipt(String.valueOf(rs.getLong("id")), rs.getString("po"), lineOrNull, rs.getString("supplier"),
                rs.getString("sku"), strip(rs.getBigDecimal("quantity")), rs.getString("base_uom"),
                strip(rs.getBigDecimal("entered_quantity")), rs.getString("entered_uom"), rs.getString("lot"),
                rs.getString("serial"), rs.getObject("expires_on", LocalDate.class), rs.getString("location"),
                rs.getString("status"),
                new Receipt.Decision("receiving-inspection", inspect ? "INSPECT" : "SKIP",
                        rs.getString("inspection_reason"), (Integer) rs.getObject("inspection_version")),
                rs.getString("tolerance_outcome") == null ? null
                        : new Receipt.Decision("receipt-tolerance", rs.getString("tolerance_outcome"), null,
                        (Integer) rs.getObject("tolerance_version")),
                approval, rs.getString("approved_by"), result, putaway, state,
                String.valueOf(rs.getLong("movement_id")), rs.getString("received_by"),
                rs.getTimestamp("received_at").toInstant(), rs.getBoolean("unplanned"),
                rs.getString("approver_roles") == null || rs.getString("approver_roles").isEmpty() ? List.of()
                        : List.of(rs.getString("approver_roles").split(",")));
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0
                ? value.setScale(0) : value.stripTrailingZeros();
    }
}
