package com.invgov.engineering.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.engineering.EcoApproval;
import com.invgov.engineering.EcoLine;
import com.invgov.engineering.EcoStatus;
import com.invgov.engineering.EngineeringChange;
import com.invgov.engineering.Impact;
import com.invgov.engineering.Routing;
import com.invgov.engineering.StockDisposition;
import com.invgov.inventory.Quantities;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Engineering changes, their proposed lines and approvals in the database. */
@Repository
class EcoStore {

    private static final String PREFIX = "ECO-";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    EcoStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static String id(long number) {
        return PREFIX + number;
    }

    /** The number of an id this API gave out ({@code ECO-12}); empty for anything else. */
    static Optional<Long> number(String id) {
        // exactly the form ids are given out in: ASCII digits without a sign or leading zeros (ECO-01 is no id)
        if (id == null || !id.startsWith(PREFIX) || id.length() > PREFIX.length() + 18
                || !id.substring(PREFIX.length()).matches("[1-9][0-9]*")) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(id.substring(PREFIX.length()));
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    long insert(String product, String fromRevision, String toRevision, LocalDate effectiveFrom, String reason,
                String raisedBy, Instant at, List<EcoLine> lines) {
        long id = jdbc.sql("""
                INSERT INTO engineering_change (product, from_revision, to_revision, effective_from, reason, status,
                                                raised_by, raised_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING_APPROVAL', ?, ?) RETURNING id""")
                .params(product, fromRevision, toRevision, Date.valueOf(effectiveFrom), reason, raisedBy,
                        Timestamp.from(at)).query(Long.class).single();
        for (int i = 0; i < lines.size(); i++) {
            EcoLine l = lines.get(i);
            jdbc.sql("""
                    INSERT INTO engineering_change_line (change_id, line, component, quantity, uom, consumption)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, i + 1, l.component(), l.quantity(), l.uom(), l.consumption()).update();
        }
        return id;
    }

    /** The open change of a product, if any. */
    Optional<Long> openChangeOf(String product) {
        return jdbc.sql("""
                SELECT id FROM engineering_change
                 WHERE product = ? AND status IN ('PENDING_APPROVAL', 'PENDING_DISPOSITION', 'SCHEDULED')""")
                .param(product).query(Long.class).optional();
    }

    /** Revision names that changes not rejected have taken for the product. */
    List<String> revisionsTaken(String product) {
        return jdbc.sql("SELECT to_revision FROM engineering_change WHERE product = ? AND status <> 'REJECTED'")
                .param(product).query(String.class).list();
    }

    void lock(long id) {
        jdbc.sql("SELECT id FROM engineering_change WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
    }

    void analysed(long id, Impact impact, Routing routing) {
        jdbc.sql("""
                UPDATE engineering_change SET impact = CAST(? AS jsonb), approver_roles = ?, rule_set = ?,
                       rule_set_version = ?, fired_rules = CAST(? AS jsonb), decision_id = ? WHERE id = ?""")
                .params(write(impact), String.join(",", routing.approverRoles()), routing.ruleSet(),
                        routing.ruleSetVersion(), write(routing.firedRules()),
                        routing.decisionId() == null ? null : UUID.fromString(routing.decisionId()), id).update();
    }

    void status(long id, EcoStatus status, Instant closedAt) {
        jdbc.sql("UPDATE engineering_change SET status = ?, closed_at = coalesce(?, closed_at) WHERE id = ?")
                .params(status.name(), closedAt == null ? null : Timestamp.from(closedAt), id).update();
    }

    void activated(long id, Instant at) {
        jdbc.sql("""
                UPDATE engineering_change SET status = 'ACTIVATED', activated_at = ?, closed_at = ? WHERE id = ?""")
                .params(Timestamp.from(at), Timestamp.from(at), id).update();
    }

    void approval(long id, String role, String by, boolean approved, String comment, Instant at) {
        jdbc.sql("""
                INSERT INTO engineering_change_approval (change_id, role, approved_by, approved, comment, at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(id, role, by, approved, comment, Timestamp.from(at)).update();
    }

    void disposition(long id, StockDisposition disposition, String by, String note, Instant at) {
        jdbc.sql("""
                UPDATE engineering_change SET disposition = ?, disposition_by = ?, disposition_note = ?,
                       disposition_at = ? WHERE id = ?""")
                .params(disposition.name(), by, note, Timestamp.from(at), id).update();
    }

    Optional<EngineeringChange> find(long id) {
        List<EcoLine> lines = jdbc.sql("""
                SELECT component, quantity, uom, consumption FROM engineering_change_line WHERE change_id = ?
                 ORDER BY line""").param(id)
                .query((rs, n) -> new EcoLine(rs.getString(1), Quantities.plain(rs.getBigDecimal(2)),
                        rs.getString(3), rs.getString(4))).list();
        List<EcoApproval> approvals = jdbc.sql("""
                SELECT role, approved_by, approved, comment, at FROM engineering_change_approval WHERE change_id = ?
                 ORDER BY at, role""").param(id)
                .query((rs, n) -> new EcoApproval(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).list();
        return jdbc.sql("SELECT * FROM engineering_change WHERE id = ?").param(id)
                .query((rs, n) -> change(rs, lines, approvals)).optional();
    }

    /** Newest first, ids below {@code beforeId}, optionally of one status. */
    List<EngineeringChange.Summary> list(EcoStatus status, long beforeId, int limit) {
        return jdbc.sql("""
                SELECT id, product, from_revision, to_revision, effective_from, status, raised_by, raised_at,
                       approver_roles, impact ->> 'obsoleteWriteOffValue' AS write_off
                  FROM engineering_change WHERE id < :before AND (CAST(:status AS varchar) IS NULL OR status = :status)
                 ORDER BY id DESC LIMIT :limit""")
                .param("before", beforeId).param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query((rs, n) -> new EngineeringChange.Summary(id(rs.getLong("id")), rs.getString("product"),
                        rs.getString("from_revision"), rs.getString("to_revision"),
                        rs.getDate("effective_from").toLocalDate(), EcoStatus.valueOf(rs.getString("status")),
                        rs.getString("raised_by"), rs.getTimestamp("raised_at").toInstant(),
                        roles(rs.getString("approver_roles")),
                        rs.getString("write_off") == null ? null : new BigDecimal(rs.getString("write_off"))))
                .list();
    }

    private EngineeringChange change(ResultSet rs, List<EcoLine> lines, List<EcoApproval> approvals)
            throws SQLException {
        String impact = rs.getString("impact");
        Routing routing = rs.getString("rule_set") == null ? null : new Routing(roles(rs.getString("approver_roles")),
                rs.getString("rule_set"), rs.getInt("rule_set_version"),
                read(rs.getString("fired_rules"), new TypeReference<List<String>>() { }),
                rs.getString("decision_id"));
        EngineeringChange.Disposition disposition = rs.getString("disposition") == null ? null
                : new EngineeringChange.Disposition(StockDisposition.valueOf(rs.getString("disposition")),
                rs.getString("disposition_by"), rs.getString("disposition_note"),
                rs.getTimestamp("disposition_at").toInstant());
        return new EngineeringChange(id(rs.getLong("id")), rs.getString("product"), rs.getString("from_revision"),
                rs.getString("to_revision"), rs.getDate("effective_from").toLocalDate(), rs.getString("reason"),
                EcoStatus.valueOf(rs.getString("status")), rs.getString("raised_by"),
                rs.getTimestamp("raised_at").toInstant(), lines,
                impact == null ? null : read(impact, new TypeReference<Impact>() { }), routing, approvals,
                disposition, instant(rs.getTimestamp("activated_at")), instant(rs.getTimestamp("closed_at")));
    }

    private static List<String> roles(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
