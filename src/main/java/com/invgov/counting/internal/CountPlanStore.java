package com.invgov.counting.internal;

import com.invgov.api.DeferredWrites;
import com.invgov.counting.CountPlanView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The count plan tables (V57): plans, plan lines, event counts, first sight of countable pairs. */
@Repository
class CountPlanStore {

    static final String PLANNED = "PLANNED";
    static final String COUNTED = "COUNTED";
    static final String ROLLED_OVER = "ROLLED_OVER";
    static final String WAITING = "WAITING";

    private static final String LINE_COLUMNS = "id::text, warehouse, day, sku, location, lot, reason, due_date, "
            + "interval_days, priority, status, task_id, count_id::text, counted_on, on_time";

    private final JdbcClient jdbc;
    private final DeferredWrites writes;

    CountPlanStore(JdbcClient jdbc, DeferredWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    record StoredLine(String id, String warehouse, LocalDate day, CountPlanView.Line line) {
    }

    record LastCounts(LocalDate lastCounted, int counts, int withinTolerance) {
    }

    record StoredEvent(String sku, String location, String reason, LocalDate occurredOn) {
    }

    // ---- plans

    /**
     * Serializes planning runs (every node, every day planned): a run sees the lines an earlier one made, so no pair
     * is planned twice. Held to the end of the run's transaction.
     */
    void lockPlanning() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('invgov.count-planning', 0))").query().singleRow();
    }

    /** The pairs with a PLANNED line of {@code day} or later: they are being counted and are not planned again. */
    Set<List<String>> pairsPlannedFrom(LocalDate day) {
        return new HashSet<>(jdbc.sql("SELECT sku, location FROM count_plan_line WHERE status = 'PLANNED' AND day >= ?")
                .param(Date.valueOf(day))
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list());
    }

    /** Inserts the plan header; false when the warehouse already has a plan for the day (another run made it). */
    boolean insertPlan(String warehouse, LocalDate day, int capacity, Integer version, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO count_plan (warehouse, day, capacity, rule_set_version, planned_at, planned_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (warehouse, day) DO NOTHING""")
                .params(warehouse, Date.valueOf(day), capacity, version, Timestamp.from(at), by)
                .update() == 1;
    }

    void insertLine(UUID id, String warehouse, LocalDate day, String sku, String location, String lot, String reason,
                    LocalDate due, int intervalDays, int priority, String status, Instant at) {
        jdbc.sql("""
                        INSERT INTO count_plan_line (id, warehouse, day, sku, location, lot, reason, due_date,
                          interval_days, priority, status, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, warehouse, Date.valueOf(day), sku, location, lot, reason, Date.valueOf(due), intervalDays,
                        priority, status, Timestamp.from(at))
                .update();
    }

    /** Open lines (PLANNED) of a warehouse planned before {@code day}, locked. */
    List<StoredLine> openLinesBefore(String warehouse, LocalDate day) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM count_plan_line WHERE warehouse = ? AND status = 'PLANNED'"
                        + " AND day < ? ORDER BY day, priority FOR UPDATE")
                .params(warehouse, Date.valueOf(day)).query(CountPlanStore::line).list();
    }

    void rollOver(String id, Instant at) {
        jdbc.sql("UPDATE count_plan_line SET status = 'ROLLED_OVER', updated_at = ? WHERE id = ?::uuid")
                .params(Timestamp.from(at), id).update();
    }

    Optional<StoredLine> line(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM count_plan_line WHERE id = ?").param(uuid)
                .query(CountPlanStore::line).optional();
    }

    /**
     * The open line of a pair, locked (at most one: unique index), read with the transaction's next statement (a
     * count asks before it reads the system quantity, so this costs no round trip of its own).
     */
    Supplier<Optional<StoredLine>> openLineOf(String sku, String location) {
        Supplier<List<StoredLine>> rows = writes.prefetch("SELECT " + LINE_COLUMNS + " FROM count_plan_line "
                + "WHERE sku = ? AND location = ? AND status = 'PLANNED' FOR UPDATE", CountPlanStore::line, sku, location);
        return () -> rows.get().stream().findFirst();
    }

    /**
     * The lots of a line's pair that hold stock (any status) and have no count recorded since its plan was made:
     * what a count planned without a lot (the place held several) still has to count. A count being recorded in
     * this transaction is not among them yet.
     */
    List<String> lotsToCount(StoredLine line) {
        return jdbc.sql("""
                        SELECT DISTINCT b.lot FROM balance b
                        WHERE b.sku = ? AND b.location = ? AND b.lot <> '' AND b.quantity <> 0
                          AND NOT EXISTS (SELECT 1 FROM count_result c WHERE c.sku = b.sku AND c.location = b.location
                                            AND c.lot = b.lot AND c.created_at >= (SELECT p.planned_at FROM count_plan p
                                              WHERE p.warehouse = ? AND p.day = ?))
                        ORDER BY b.lot""")
                .params(line.line().sku(), line.line().location(), line.warehouse(), Date.valueOf(line.day()))
                .query(String.class).list();
    }

    void counted(String id, String countId, LocalDate countedOn, boolean onTime, String taskId, Instant at) {
        jdbc.sql("""
                        UPDATE count_plan_line SET status = 'COUNTED', count_id = ?::uuid, counted_on = ?, on_time = ?,
                          task_id = coalesce(task_id, ?), updated_at = ? WHERE id = ?::uuid""")
                .params(countId, Date.valueOf(countedOn), onTime, taskId, Timestamp.from(at), id).update();
    }

    void setTask(String id, String taskId) {
        jdbc.sql("UPDATE count_plan_line SET task_id = ? WHERE id = ?::uuid AND task_id IS NULL")
                .params(taskId, id).update();
    }

    List<String> plannedLinesWithoutTask() {
        return jdbc.sql("SELECT id::text FROM count_plan_line WHERE status = 'PLANNED' AND task_id IS NULL")
                .query(String.class).list();
    }

    List<CountPlanView> plans(String warehouse, LocalDate day) {
        return plans(warehouse, day, null, Integer.MAX_VALUE - 1);
    }

    /** The plans of a day by warehouse code, those after {@code afterWarehouse} (null: from the first), at most
     * {@code limit} + 1 (the caller pages). */
    List<CountPlanView> plans(String warehouse, LocalDate day, String afterWarehouse, int limit) {
        var headers = jdbc.sql("""
                        SELECT warehouse, day, capacity, rule_set_version, planned_at, planned_by FROM count_plan
                        WHERE day = ? AND (CAST(? AS varchar) IS NULL OR warehouse = ?)
                          AND (CAST(? AS varchar) IS NULL OR warehouse > ?)
                        ORDER BY warehouse LIMIT ?""")
                .params(Date.valueOf(day), warehouse, warehouse, afterWarehouse, afterWarehouse, limit + 1)
                .query((rs, n) -> new CountPlanView(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3),
                        (Integer) rs.getObject(4), rs.getTimestamp(5).toInstant(), rs.getString(6), List.of()))
                .list();
        if (headers.isEmpty()) {
            return headers;
        }
        Map<String, List<CountPlanView.Line>> lines = new HashMap<>();
        jdbc.sql("SELECT " + LINE_COLUMNS + " FROM count_plan_line WHERE day = ? AND warehouse = ANY (?) "
                        + "ORDER BY warehouse, priority")
                .params(Date.valueOf(day), new SqlArrayValue("varchar",
                        headers.stream().map(CountPlanView::warehouse).toArray()))
                .query(CountPlanStore::line).list()
                .forEach(l -> lines.computeIfAbsent(l.warehouse(), w -> new ArrayList<>()).add(l.line()));
        return headers.stream().map(h -> new CountPlanView(h.warehouse(), h.day(), h.capacity(), h.ruleSetVersion(),
                h.plannedAt(), h.plannedBy(), lines.getOrDefault(h.warehouse(), List.of()))).toList();
    }

    // ---- planning inputs

    /** Per pair: the day of its last count up to {@code dayEnd} and the within-tolerance share of its last 5. */
    /**
     * Per pair counted before {@code before}: the day of its last count (recounts too) and how many of its last 5
     * first counts were within tolerance. A recount verifies a first count; it is not counted again (DESIGN §5.2's
     * accuracy, the same as the dashboard's and the Counting overview's).
     */
    Map<List<String>, LastCounts> lastCounts(Instant before) {
        Map<List<String>, LastCounts> result = new HashMap<>();
        jdbc.sql("""
                        SELECT sku, location, max(event_time) AS last, count(*) FILTER (WHERE first_rn <= 5) AS n,
                               count(*) FILTER (WHERE first_rn <= 5 AND within_tolerance) AS ok
                        FROM (SELECT sku, location, event_time, within_tolerance,
                                     CASE WHEN recount THEN NULL ELSE row_number() OVER (
                                       PARTITION BY sku, location, recount ORDER BY event_time DESC) END AS first_rn
                              FROM count_result WHERE event_time < ?) recent
                        GROUP BY sku, location""")
                .param(Timestamp.from(before))
                .query((ResultSet rs) -> {
                    result.put(List.of(rs.getString(1), rs.getString(2)), new LastCounts(
                            rs.getTimestamp(3).toInstant().atZone(ZoneOffset.UTC).toLocalDate(), rs.getInt(4),
                            rs.getInt(5)));
                });
        return result;
    }

    List<StoredEvent> events(LocalDate from, LocalDate before) {
        return jdbc.sql("SELECT sku, location, reason, occurred_on FROM count_event WHERE occurred_on >= ? "
                        + "AND occurred_on < ?")
                .params(Date.valueOf(from), Date.valueOf(before))
                .query((rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate()))
                .list();
    }

    void recordEvent(String sku, String location, String reason, LocalDate occurredOn, String reference, Instant at) {
        jdbc.sql("""
                        INSERT INTO count_event (sku, location, reason, occurred_on, reference, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(sku, location, reason, Date.valueOf(occurredOn), reference, Timestamp.from(at)).update();
    }

    /** When each known pair became countable; pairs seen for the first time are recorded as countable since {@code day}. */
    Map<List<String>, LocalDate> countableSince(List<List<String>> pairs, LocalDate day) {
        Map<List<String>, LocalDate> known = new HashMap<>();
        jdbc.sql("SELECT sku, location, countable_since FROM count_pair")
                .query((ResultSet rs) -> {
                    known.put(List.of(rs.getString(1), rs.getString(2)), rs.getDate(3).toLocalDate());
                });
        for (List<String> pair : pairs) {
            if (!known.containsKey(pair)) {
                jdbc.sql("INSERT INTO count_pair (sku, location, countable_since) VALUES (?, ?, ?) "
                                + "ON CONFLICT DO NOTHING")
                        .params(pair.get(0), pair.get(1), Date.valueOf(day)).update();
                known.put(pair, day);
            }
        }
        return known;
    }

    // ---- figures

    record OpenFigures(String warehouse, int plannedToday, int countedToday, int open, int overdue) {
    }

    List<OpenFigures> openFigures(LocalDate today) {
        return jdbc.sql("""
                        SELECT warehouse,
                          count(*) FILTER (WHERE day = ? AND status IN ('PLANNED', 'COUNTED')) AS planned_today,
                          count(*) FILTER (WHERE day = ? AND status = 'COUNTED') AS counted_today,
                          count(*) FILTER (WHERE status = 'PLANNED') AS open,
                          count(*) FILTER (WHERE (status = 'PLANNED' AND due_date < ?)
                                              OR (status = 'WAITING' AND day = ?)) AS overdue
                        FROM count_plan_line WHERE day >= ? OR status = 'PLANNED'
                        GROUP BY warehouse ORDER BY warehouse""")
                .params(Date.valueOf(today), Date.valueOf(today), Date.valueOf(today), Date.valueOf(today),
                        Date.valueOf(today.minusDays(1)))
                .query((rs, n) -> new OpenFigures(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5)))
                .list();
    }

    record LocationAccuracy(String location, int counts, int withinTolerance) {
    }

    /** First counts (not recounts) per location since {@code since}, and how many were within tolerance. */
    List<LocationAccuracy> accuracyByLocation(Instant since) {
        return jdbc.sql("SELECT location, count(*), count(*) FILTER (WHERE within_tolerance) FROM count_result "
                        + "WHERE event_time >= ? AND NOT recount GROUP BY location")
                .param(Timestamp.from(since))
                .query((rs, n) -> new LocationAccuracy(rs.getString(1), rs.getInt(2), rs.getInt(3))).list();
    }

    /**
     * Counts due from {@code from} up to {@code today}: one per (pair, due date), however often it rolled over; on time
     * when one of its lines was counted on or before the due date. Those due today and not yet counted are not late
     * yet and left out.
     */
    int[] onTime(LocalDate from, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE on_time) FROM (
                          SELECT sku, location, due_date, bool_or(status = 'COUNTED' AND on_time) AS on_time,
                                 bool_or(status = 'COUNTED') AS counted
                          FROM count_plan_line WHERE due_date >= ? AND due_date <= ?
                          GROUP BY sku, location, due_date) due
                        WHERE due_date < ? OR counted""")
                .params(Date.valueOf(from), Date.valueOf(today), Date.valueOf(today))
                .query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
    }

    private static StoredLine line(ResultSet rs, int n) throws SQLException {
        Date counted = rs.getDate("counted_on");
        var line = new CountPlanView.Line(rs.getString(1), rs.getString("sku"), rs.getString("location"),
                rs.getString("lot"), rs.getString("reason"), rs.getDate("due_date").toLocalDate(),
                rs.getInt("interval_days"), rs.getInt("priority"), rs.getString("status"), rs.getString("task_id"),
                rs.getString("count_id"), counted == null ? null : counted.toLocalDate(),
                (Boolean) rs.getObject("on_time"));
        return new StoredLine(rs.getString(1), rs.getString("warehouse"), rs.getDate("day").toLocalDate(), line);
    }
}
