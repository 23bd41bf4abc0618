package com.invgov.quality.internal;

import com.invgov.quality.HoldFigures;
import com.invgov.quality.MrbRequest;
import com.invgov.quality.OpenHold;
import com.invgov.quality.QualityHold;
import com.invgov.rules.model.Disposition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Quality holds, their lines, dispositions and MRB approvals in the database. */
@Repository
public class QualityStore {

    /** A balance that a hold takes. */
    public record Held(String sku, String location, String lot, String serial, String status, BigDecimal quantity,
                       BigDecimal reserved, String uom, BigDecimal unitCost) {

        /** Part of this balance (a receipt's quantity of a larger INSPECTION balance). */
        public Held withQuantity(BigDecimal part) {
            return new Held(sku, location, lot, serial, status, part, reserved, uom, unitCost);
        }
    }

    /** A hold line with its item facts, for dispositions. */
    public record LineRow(long id, long holdId, String sku, String location, String lot, String serial,
                          String fromStatus, BigDecimal quantity, BigDecimal remaining, String uom,
                          BigDecimal unitCost, boolean regulated) {
    }

    private static final String LINE = """
            SELECT l.id, l.hold_id, l.sku, l.location, l.lot, l.serial, l.from_status, l.quantity, l.remaining,
                   i.base_uom, i.unit_cost, i.regulated FROM quality_hold_line l JOIN item i ON i.sku = l.sku
            """;

    private static LineRow lineRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new LineRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10),
                rs.getBigDecimal(11), rs.getBoolean(12));
    }

    public List<LineRow> lines(long holdId) {
        return jdbc.sql(LINE + " WHERE l.hold_id = ? ORDER BY l.id").params(holdId).query(QualityStore::lineRow)
                .list();
    }

    /** A disposition row, for approvals and posting. */
    public record DispositionRow(long id, long holdId, long lineId, Disposition disposition, BigDecimal quantity,
                                 String status, List<String> approverRoles, String proposedBy) {
    }

    private final JdbcClient jdbc;

    QualityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * AVAILABLE, INSPECTION and BLOCKED stock matching the filters (null = any), locked in balance key order (BLOCKED:
     * reworked stock comes back under a hold to be released or scrapped).
     */
    public List<Held> holdable(String sku, String lot, String serial, String location) {
        return jdbc.sql("""
                SELECT b.sku, b.location, b.lot, b.serial, b.status, b.quantity, b.reserved, i.base_uom, i.unit_cost
                  FROM balance b JOIN item i ON i.sku = b.sku
                 WHERE b.quantity > 0 AND b.status IN ('AVAILABLE', 'INSPECTION', 'BLOCKED')
                   AND (cast(:sku AS varchar) IS NULL OR b.sku = :sku)
                   AND (cast(:lot AS varchar) IS NULL OR b.lot = :lot)
                   AND (cast(:serial AS varchar) IS NULL OR b.serial = :serial)
                   AND (cast(:location AS varchar) IS NULL OR b.location = :location)
                 ORDER BY b.sku, b.location, b.lot, b.serial, b.status FOR UPDATE OF b""")
                .param("sku", sku).param("lot", lot).param("serial", serial).param("location", location)
                .query((rs, n) -> new Held(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8),
                        rs.getBigDecimal(9))).list();
    }

    public long insertHold(String source, String sku, String lot, String serial, String location, String reason,
                           String reference, String actor, Instant now) {
        return jdbc.sql("""
                INSERT INTO quality_hold (source, sku, lot, serial, location, reason, reference, status, created_by,
                       created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) RETURNING id""")
                .params(source, sku, lot, serial, location, reason, reference, actor, Timestamp.from(now))
                .query(Long.class).single();
    }

    public void insertLine(long holdId, Held h) {
        jdbc.sql("""
                INSERT INTO quality_hold_line (hold_id, sku, location, lot, serial, from_status, quantity, remaining)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(holdId, h.sku(), h.location(), h.lot(), h.serial(), h.status(), h.quantity(), h.quantity())
                .update();
    }

    public Optional<LineRow> line(long holdId, long lineId) {
        return jdbc.sql(LINE + " WHERE l.hold_id = ? AND l.id = ? FOR UPDATE OF l").params(holdId, lineId)
                .query(QualityStore::lineRow).optional();
    }

    public LineRow lineById(long lineId) {
        long holdId = jdbc.sql("SELECT hold_id FROM quality_hold_line WHERE id = ?").params(lineId)
                .query(Long.class).single();
        return line(holdId, lineId).orElseThrow();
    }

    public void takeFromLine(long lineId, BigDecimal quantity) {
        jdbc.sql("UPDATE quality_hold_line SET remaining = remaining - ? WHERE id = ?").params(quantity, lineId)
                .update();
    }

    public Optional<String> holdStatus(long holdId, boolean lock) {
        return jdbc.sql("SELECT status FROM quality_hold WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .params(holdId).query(String.class).optional();
    }

    /** Closes the hold when every line is disposed of and nothing waits for MRB. */
    public void closeIfDone(long holdId, Instant now) {
        jdbc.sql("""
                UPDATE quality_hold SET status = 'CLOSED', closed_at = ? WHERE id = ? AND status = 'OPEN'
                   AND NOT EXISTS (SELECT 1 FROM quality_hold_line WHERE hold_id = ? AND remaining > 0)
                   AND NOT EXISTS (SELECT 1 FROM quality_disposition WHERE hold_id = ? AND status = 'PENDING_MRB')""")
                .params(Timestamp.from(now), holdId, holdId, holdId).update();
    }

    public long insertDisposition(long holdId, long lineId, Disposition disposition, BigDecimal quantity,
                                  BigDecimal value, boolean mrb, List<String> roles, int version, UUID decisionId,
                                  String comment, String actor, Instant now) {
        return jdbc.sql("""
                INSERT INTO quality_disposition (hold_id, line_id, disposition, quantity, value, mrb_required,
                       approver_roles, rule_version, decision_id, status, comment, proposed_by, proposed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(holdId, lineId, disposition.name(), quantity, value, mrb, String.join(",", roles), version,
                        decisionId, mrb ? "PENDING_MRB" : "POSTED", comment, actor, Timestamp.from(now))
                .query(Long.class).single();
    }

    public Optional<DispositionRow> disposition(long id) {
        return jdbc.sql("""
                SELECT id, hold_id, line_id, disposition, quantity, status, approver_roles, proposed_by
                  FROM quality_disposition WHERE id = ? FOR UPDATE""").params(id)
                .query((rs, n) -> new DispositionRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Disposition.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6),
                        roles(rs.getString(7)), rs.getString(8))).optional();
    }

    public void dispositionStatus(long id, String status, Long movementId) {
        jdbc.sql("UPDATE quality_disposition SET status = ?, movement_id = coalesce(?, movement_id) WHERE id = ?")
                .params(status, movementId, id).update();
    }

    public List<String> approvedRoles(long dispositionId) {
        return jdbc.sql("SELECT role FROM quality_mrb_approval WHERE disposition_id = ? AND approved")
                .params(dispositionId).query(String.class).list();
    }

    public boolean approve(long dispositionId, String role, String by, boolean approved, String comment,
                           Instant now) {
        return jdbc.sql("""
                INSERT INTO quality_mrb_approval (disposition_id, role, approved_by, approved, comment, at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(dispositionId, role, by, approved, comment, Timestamp.from(now)).update() > 0;
    }

    public List<Long> holdIds(String status, long afterId, int limit) {
        return jdbc.sql("""
                SELECT id FROM quality_hold WHERE id > ? AND (cast(? AS varchar) IS NULL OR status = ?)
                 ORDER BY id LIMIT ?""").params(afterId, status, status, limit).query(Long.class).list();
    }

    public Optional<QualityHold> hold(long id) {
        List<QualityHold.Line> lines = jdbc.sql("""
                SELECT l.*, i.base_uom FROM quality_hold_line l JOIN item i ON i.sku = l.sku
                 WHERE l.hold_id = ? ORDER BY l.id""").params(id)
                .query((rs, n) -> new QualityHold.Line(String.valueOf(rs.getLong("id")), rs.getString("sku"),
                        rs.getString("location"), empty(rs.getString("lot")), empty(rs.getString("serial")),
                        rs.getString("from_status"), plain(rs.getBigDecimal("quantity")),
                        plain(rs.getBigDecimal("remaining")), rs.getString("base_uom"))).list();
        BigDecimal value = jdbc.sql("""
                SELECT coalesce(sum(l.remaining * i.unit_cost), 0) FROM quality_hold_line l JOIN item i ON i.sku = l.sku
                 WHERE l.hold_id = ?""").params(id).query(BigDecimal.class).single();
        List<QualityHold.DispositionView> dispositions = jdbc.sql("""
                SELECT * FROM quality_disposition WHERE hold_id = ? ORDER BY id""").params(id)
                .query((rs, n) -> {
                    long did = rs.getLong("id");
                    long movement = rs.getLong("movement_id");
                    boolean noMovement = rs.wasNull();
                    return new QualityHold.DispositionView(String.valueOf(did), String.valueOf(rs.getLong("line_id")),
                            Disposition.valueOf(rs.getString("disposition")), plain(rs.getBigDecimal("quantity")),
                            rs.getBigDecimal("value").setScale(2, java.math.RoundingMode.HALF_UP),
                            rs.getBoolean("mrb_required"), roles(rs.getString("approver_roles")),
                            rs.getInt("rule_version"), rs.getString("status"), rs.getString("comment"),
                            rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), approvals(did),
                            noMovement ? null : String.valueOf(movement));
                }).list();
        return jdbc.sql("SELECT * FROM quality_hold WHERE id = ?").params(id)
                .query((rs, n) -> new QualityHold(String.valueOf(rs.getLong("id")), rs.getString("source"),
                        rs.getString("sku"), rs.getString("lot"), rs.getString("serial"), rs.getString("location"),
                        rs.getString("reason"), rs.getString("reference"), rs.getString("status"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                        value.setScale(2, java.math.RoundingMode.HALF_UP), lines, dispositions)).optional();
    }

    private static final String OPEN_HOLDS = """
            SELECT h.id, h.source, h.reason, h.reference, h.created_by, h.created_at,
                   string_agg(DISTINCT l.sku, ', ') AS skus, string_agg(DISTINCT nullif(l.lot, ''), ', ') AS lots,
                   string_agg(DISTINCT l.location, ', ') AS locations, min(i.base_uom) AS uom,
                   count(DISTINCT i.base_uom) AS uoms,
                   coalesce(sum(l.remaining + coalesce(p.pending, 0)), 0) AS quantity,
                   coalesce(sum((l.remaining + coalesce(p.pending, 0)) * i.unit_cost), 0) AS value,
                   coalesce(sum(p.requests), 0) AS awaiting_mrb
              FROM quality_hold h JOIN quality_hold_line l ON l.hold_id = h.id JOIN item i ON i.sku = l.sku
              LEFT JOIN (SELECT line_id, sum(quantity) AS pending, count(*) AS requests FROM quality_disposition
                          WHERE status = 'PENDING_MRB' GROUP BY line_id) p ON p.line_id = l.id
             WHERE h.status = 'OPEN'
            """;

    /** Open holds, oldest first, with what they keep in QUARANTINE (not disposed of, or waiting for MRB). */
    public List<OpenHold> openHolds(int limit) {
        return jdbc.sql(OPEN_HOLDS + " GROUP BY h.id ORDER BY h.id LIMIT ?").params(limit)
                .query((rs, n) -> new OpenHold(String.valueOf(rs.getLong("id")), rs.getString("source"),
                        rs.getString("skus"), rs.getString("lots"), rs.getString("locations"), rs.getString("reason"),
                        rs.getString("reference"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), plain(rs.getBigDecimal("quantity")),
                        rs.getInt("uoms") == 1 ? rs.getString("uom") : null,
                        rs.getBigDecimal("value").setScale(2, java.math.RoundingMode.HALF_UP),
                        rs.getInt("awaiting_mrb"))).list();
    }

    /** The number of open holds and the value they keep in QUARANTINE, in one read-only query. */
    public HoldFigures figures() {
        return jdbc.sql("""
                SELECT count(DISTINCT h.id), coalesce(sum((l.remaining + coalesce(p.pending, 0)) * i.unit_cost), 0)
                  FROM quality_hold h LEFT JOIN quality_hold_line l ON l.hold_id = h.id
                  LEFT JOIN item i ON i.sku = l.sku
                  LEFT JOIN (SELECT line_id, sum(quantity) AS pending FROM quality_disposition
                              WHERE status = 'PENDING_MRB' GROUP BY line_id) p ON p.line_id = l.id
                 WHERE h.status = 'OPEN'""")
                .query((rs, n) -> new HoldFigures(rs.getInt(1),
                        rs.getBigDecimal(2).setScale(2, java.math.RoundingMode.HALF_UP))).single();
    }

    /** Every disposition waiting for MRB approval, oldest first, with its hold line and approvals so far. */
    public List<MrbRequest> pendingMrb() {
        return jdbc.sql("""
                SELECT d.id, d.hold_id, l.sku, nullif(l.lot, '') AS lot, l.location, d.disposition, d.quantity,
                       i.base_uom, d.value, d.approver_roles, d.proposed_by, d.proposed_at, d.comment, h.reason
                  FROM quality_disposition d JOIN quality_hold_line l ON l.id = d.line_id
                  JOIN quality_hold h ON h.id = d.hold_id JOIN item i ON i.sku = l.sku
                 WHERE d.status = 'PENDING_MRB' ORDER BY d.id""")
                .query((rs, n) -> new MrbRequest(String.valueOf(rs.getLong("id")),
                        String.valueOf(rs.getLong("hold_id")), rs.getString("sku"), rs.getString("lot"),
                        rs.getString("location"), Disposition.valueOf(rs.getString("disposition")),
                        plain(rs.getBigDecimal("quantity")), rs.getString("base_uom"),
                        rs.getBigDecimal("value").setScale(2, java.math.RoundingMode.HALF_UP),
                        roles(rs.getString("approver_roles")), approvals(rs.getLong("id")),
                        rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(),
                        rs.getString("comment"), rs.getString("reason"))).list();
    }

    /** A line's facts without a lock (previews). */
    public Optional<LineRow> peekLine(long holdId, long lineId) {
        return jdbc.sql(LINE + " WHERE l.hold_id = ? AND l.id = ?").params(holdId, lineId)
                .query(QualityStore::lineRow).optional();
    }

    /** The MRB decisions of a disposition so far, oldest first. */
    public List<QualityHold.Approval> approvals(long dispositionId) {
        return jdbc.sql("SELECT * FROM quality_mrb_approval WHERE disposition_id = ? ORDER BY at")
                .params(dispositionId)
                .query((rs, n) -> new QualityHold.Approval(rs.getString("role"), rs.getString("approved_by"),
                        rs.getBoolean("approved"), rs.getString("comment"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    private static List<String> roles(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
