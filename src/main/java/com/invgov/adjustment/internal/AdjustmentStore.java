package com.invgov.adjustment.internal;

import com.invgov.adjustment.Adjustment;
import com.invgov.adjustment.AdjustmentStatus;
import com.invgov.adjustment.Approval;
import com.invgov.adjustment.Decision;
import com.invgov.api.DeferredWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Adjustment requests and their approvals in PostgreSQL. A new request is a deferred write (it travels with the
 * next statement that asks for the waiting rows, at the latest before commit): every other method here sends the
 * waiting rows first, so that it sees and changes what was inserted.
 */
@Repository
class AdjustmentStore {

    private static final String COLUMNS = """
            id, status, sku, location, lot, source, reason_code, note, event_time, system_qty, counted_qty,
            quantity_delta, value, diff_pct, recount_done, outcome, approver_roles, rule_set, rule_set_version,
            fired_rules, requested_by, counters, count_id, movement_id, escalated, created_at, serials""";

    private final JdbcClient jdbc;
    private final DeferredWrites writes;

    AdjustmentStore(JdbcClient jdbc, DeferredWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    void insert(AdjustmentRequest a, Instant now) {
        writes.write("INSERT INTO adjustment (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id, a.status.name(), a.sku, a.location, a.lot, a.source, a.reasonCode, a.note,
                ts(a.eventTime), a.systemQty, a.countedQty, a.quantityDelta, a.value, a.diffPct, a.recountDone,
                a.decision.outcome(), String.join(",", a.decision.approverRoles()), a.decision.ruleSet(),
                a.decision.ruleSetVersion(), String.join("\n", a.decision.firedRules()), a.requestedBy,
                String.join(",", a.counters), a.countId, a.movementId, a.escalated, ts(a.createdAt), array(a.serials),
                ts(now));
        insertApprovals(a);
    }

    void update(AdjustmentRequest a, Instant now) {
        writes.flush();
        jdbc.sql("""
                        UPDATE adjustment SET status = ?, reason_code = ?, event_time = ?, system_qty = ?, counted_qty = ?,
                          quantity_delta = ?, value = ?, diff_pct = ?, recount_done = ?, outcome = ?, approver_roles = ?,
                          rule_set = ?, rule_set_version = ?, fired_rules = ?, counters = ?, count_id = ?, movement_id = ?,
                          escalated = ?, serials = ?, updated_at = ?
                        WHERE id = ?""")
                .params(a.status.name(), a.reasonCode, ts(a.eventTime), a.systemQty, a.countedQty, a.quantityDelta,
                        a.value, a.diffPct, a.recountDone, a.decision.outcome(),
                        String.join(",", a.decision.approverRoles()), a.decision.ruleSet(),
                        a.decision.ruleSetVersion(), String.join("\n", a.decision.firedRules()),
                        String.join(",", a.counters), a.countId, a.movementId, a.escalated, array(a.serials), ts(now),
                        a.id)
                .update();
        insertApprovals(a);
    }

    /**
     * The adjustments of a pair (and lot) waiting for a recount (PENDING_RECOUNT or CONFLICT), sent with the next
     * query.
     */
    java.util.function.Supplier<List<String>> awaitingRecount(String sku, String location, String lot) {
        return writes.prefetch("SELECT id::text FROM adjustment WHERE sku = ? AND location = ? "
                        + "AND lot IS NOT DISTINCT FROM ? AND status IN ('PENDING_RECOUNT', 'CONFLICT') LIMIT 1",
                (rs, n) -> rs.getString(1), sku, location, lot);
    }

    /** The request under a row lock (the caller's transaction), if there is one. */
    Optional<AdjustmentRequest> lock(UUID id) {
        return load(id, " FOR UPDATE");
    }

    Optional<AdjustmentRequest> find(UUID id) {
        return load(id, "");
    }

    static Adjustment view(AdjustmentRequest a) {
        return new Adjustment(a.id.toString(), a.status, a.sku, a.location, a.lot, a.quantityDelta, a.value, a.source,
                a.reasonCode, a.note, a.eventTime, a.requestedBy, a.decision, List.copyOf(a.approvals), a.movementId,
                a.escalated, a.createdAt, a.serials);
    }

    private Optional<AdjustmentRequest> load(UUID id, String lock) {
        writes.flush();
        Optional<AdjustmentRequest> row = jdbc.sql("SELECT " + COLUMNS + " FROM adjustment WHERE id = ?" + lock)
                .param(id)
                .query((rs, n) -> request(rs))
                .optional();
        row.ifPresent(a -> a.approvals.addAll(approvals(a.id)));
        return row;
    }

    private List<Approval> approvals(UUID id) {
        return jdbc.sql("SELECT role, approved_by, approved, comment, at FROM adjustment_approval "
                        + "WHERE adjustment_id = ? ORDER BY seq")
                .param(id)
                .query((rs, n) -> new Approval(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private void insertApprovals(AdjustmentRequest a) {
        for (Approval approval : a.newApprovals) {
            writes.write("INSERT INTO adjustment_approval (adjustment_id, role, approved_by, approved, comment, at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    a.id, approval.role(), approval.by(), approval.approved(), approval.comment(), ts(approval.at()));
        }
        a.newApprovals.clear();
    }

    private static AdjustmentRequest request(ResultSet rs) throws SQLException {
        Decision decision = new Decision(rs.getString("outcome"), split(rs.getString("approver_roles"), ","),
                rs.getString("rule_set"), rs.getInt("rule_set_version"), split(rs.getString("fired_rules"), "\n"));
        String countId = rs.getString("count_id");
        return new AdjustmentRequest(rs.getObject("id", UUID.class), AdjustmentStatus.valueOf(rs.getString("status")),
                rs.getString("sku"), rs.getString("location"), rs.getString("lot"), rs.getString("source"),
                rs.getString("reason_code"), rs.getString("note"), rs.getTimestamp("event_time").toInstant(),
                rs.getBigDecimal("system_qty"), rs.getBigDecimal("counted_qty"), rs.getBigDecimal("quantity_delta"),
                rs.getBigDecimal("value"), rs.getBigDecimal("diff_pct"), rs.getBoolean("recount_done"), decision,
                rs.getString("requested_by"), split(rs.getString("counters"), ","),
                countId == null ? null : UUID.fromString(countId), rs.getString("movement_id"),
                rs.getBoolean("escalated"), rs.getTimestamp("created_at").toInstant(), List.of(),
                serials(rs.getArray("serials")));
    }

    private static List<String> serials(java.sql.Array array) throws SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }

    /** A text[] parameter; null stays null (an item without serials). */
    private static Object array(List<String> values) {
        return values == null ? null : new SqlArrayValue("text", values.toArray());
    }

    private static List<String> split(String text, String separator) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(separator, -1));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
