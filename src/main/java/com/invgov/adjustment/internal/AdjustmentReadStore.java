package com.invgov.adjustment.internal;

import com.invgov.adjustment.AdjustmentFigures.DayShare;
import com.invgov.adjustment.AdjustmentFigures.DayValue;
import com.invgov.adjustment.AdjustmentFigures.Escalated;
import com.invgov.adjustment.CountRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Read-only queries over counts and adjustments (V40 tables) for the dashboard and the approvals inbox. A first
 * count is a count that is not a recount (V62: {@code recount}, set as the count is recorded).
 */
@Repository
class AdjustmentReadStore {

    private static final String FIRST_COUNT = "NOT c.recount";

    private final JdbcClient jdbc;

    AdjustmentReadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** First counts per UTC day whose event time is at or after {@code from}, oldest day first. */
    List<DayShare> firstCountsByDay(Instant from) {
        return jdbc.sql("SELECT (c.event_time AT TIME ZONE 'UTC')::date AS day, count(*) AS counts, "
                        + "count(*) FILTER (WHERE c.within_tolerance) AS within FROM count_result c "
                        + "WHERE c.event_time >= ? AND " + FIRST_COUNT + " GROUP BY 1 ORDER BY 1")
                .param(Timestamp.from(from))
                .query((rs, n) -> new DayShare(rs.getDate("day").toLocalDate(), rs.getInt("counts"),
                        rs.getInt("within")))
                .list();
    }

    /**
     * POSTED adjustments per UTC day of posting at or after {@code from}. An adjustment row changes for the last
     * time when it is posted, so {@code updated_at} is when it was posted. {@code value} is unsigned; the sign is
     * the quantity delta's.
     */
    List<DayValue> postedByDay(Instant from) {
        return jdbc.sql("""
                        SELECT (updated_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n,
                          sum(CASE WHEN quantity_delta < 0 THEN -value ELSE value END) AS net, sum(value) AS absolute
                        FROM adjustment WHERE status = 'POSTED' AND updated_at >= ? GROUP BY 1 ORDER BY 1""")
                .param(Timestamp.from(from))
                .query((rs, n) -> new DayValue(rs.getDate("day").toLocalDate(), rs.getInt("n"),
                        rs.getBigDecimal("net"), rs.getBigDecimal("absolute")))
                .list();
    }

    Escalated escalated() {
        return jdbc.sql("SELECT count(*) AS n, coalesce(sum(value), 0) AS value, min(created_at) AS oldest "
                        + "FROM adjustment WHERE escalated AND status = 'PENDING_APPROVAL'")
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Escalated(rs.getInt("n"), rs.getBigDecimal("value"),
                            oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    List<CountRecord> countHistory(String sku, String location, int limit) {
        return jdbc.sql("""
                        SELECT c.id::text AS id, c.event_time, c.counted_by, c.lot, c.counted_qty, c.system_qty,
                          c.diff_qty, c.within_tolerance, c.outcome, NOT (%s) AS recount,
                          c.adjustment_id::text AS adjustment_id, a.status AS adjustment_status
                        FROM count_result c LEFT JOIN adjustment a ON a.id = c.adjustment_id
                        WHERE c.sku = ? AND c.location = ?
                        ORDER BY c.event_time DESC, c.created_at DESC LIMIT ?""".formatted(FIRST_COUNT))
                .params(sku, location, limit)
                .query((rs, n) -> new CountRecord(rs.getString("id"), rs.getTimestamp("event_time").toInstant(),
                        rs.getString("counted_by"), rs.getString("lot"), strip(rs.getBigDecimal("counted_qty")),
                        strip(rs.getBigDecimal("system_qty")), strip(rs.getBigDecimal("diff_qty")),
                        rs.getBoolean("within_tolerance"), rs.getString("outcome"), rs.getBoolean("recount"),
                        rs.getString("adjustment_id"), rs.getString("adjustment_status")))
                .list();
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
