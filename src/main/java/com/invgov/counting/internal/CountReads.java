package com.invgov.counting.internal;

import com.invgov.adjustment.Decision;
import com.invgov.adjustment.Variance;
import com.invgov.counting.Count;
import com.invgov.inventory.Quantities;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads a kept count back as {@link Count}; its decision as {@link CountService} kept it (lists joined as there). */
@Component
class CountReads {

    private final JdbcClient jdbc;

    CountReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Count> find(UUID id) {
        return jdbc.sql("""
                        SELECT id::text, sku, location, lot, entered_qty, entered_uom, serials, count_task_id,
                          recount_of::text, event_time, counted_by, system_qty, counted_qty, diff_qty, diff_value,
                          diff_pct, outcome, approver_roles, rule_set, rule_set_version, fired_rules,
                          adjustment_id::text
                        FROM count_result WHERE id = ?""")
                .param(id)
                .query((rs, n) -> count(rs))
                .optional();
    }

    private static Count count(ResultSet rs) throws SQLException {
        Variance variance = new Variance(Quantities.plain(rs.getBigDecimal("system_qty")),
                Quantities.plain(rs.getBigDecimal("counted_qty")), Quantities.plain(rs.getBigDecimal("diff_qty")),
                rs.getBigDecimal("diff_value"), rs.getBigDecimal("diff_pct"));
        Decision decision = new Decision(rs.getString("outcome"), split(rs.getString("approver_roles"), ","),
                rs.getString("rule_set"), rs.getInt("rule_set_version"), split(rs.getString("fired_rules"), "\n"));
        return new Count(rs.getString("id"), rs.getString("sku"), rs.getString("location"), rs.getString("lot"),
                Quantities.plain(rs.getBigDecimal("entered_qty")), rs.getString("entered_uom"),
                serials(rs.getArray("serials")), rs.getString("count_task_id"), rs.getString("recount_of"),
                rs.getTimestamp("event_time").toInstant(), rs.getString("counted_by"), variance, decision,
                rs.getString("adjustment_id"));
    }

    private static List<String> split(String text, String separator) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(separator, -1));
    }

    private static List<String> serials(Array array) throws SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }
}
