package com.invgov.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.audit.AuditEntry;
import com.invgov.audit.AuditFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rows of {@code audit_entry}: inserted, read; never updated or deleted (the table's triggers refuse it). */
@Repository
public class AuditStore {

    private static final String COLUMNS = "id, at, actor, action, subject_type, subject_id, before::text AS before, "
            + "after::text AS after, note";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Instant at, String actor, String action, String subjectType, String subjectId, JsonNode before,
                       JsonNode after, String note) {
        jdbc.sql("""
                        INSERT INTO audit_entry (at, actor, action, subject_type, subject_id, before, after, note)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""")
                .params(Timestamp.from(at), actor, action, subjectType, subjectId, text(before), text(after), note)
                .update();
    }

    /** Entries with an id below {@code belowId} that match, newest first. */
    /** Entries below {@code belowId}, newest first; without those about users unless {@code withUsers}. */
    public List<AuditEntry> entries(AuditFilter filter, boolean withUsers, long belowId, int limit) {
        StringBuilder where = new StringBuilder("WHERE id < ?");
        List<Object> params = new ArrayList<>(List.of(belowId));
        if (!withUsers) {
            where.append(" AND subject_type <> 'user'");
        }
        given(where, params, "subject_type", filter.subjectType());
        given(where, params, "subject_id", filter.subjectId());
        given(where, params, "actor", filter.actor());
        given(where, params, "action", filter.action());
        if (filter.from() != null) {
            where.append(" AND at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry " + where + " ORDER BY id DESC LIMIT ?")
                .params(params).query((org.springframework.jdbc.core.RowMapper<AuditEntry>) this::entry).list();
    }

    public Optional<AuditEntry> entry(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE id = ?").param(id).query((org.springframework.jdbc.core.RowMapper<AuditEntry>) this::entry).optional();
    }

    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
    }

    private static void given(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value.strip());
        }
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                node(rs.getString("before")), node(rs.getString("after")), rs.getString("note"));
    }

    private String text(JsonNode node) {
        try {
            return node == null ? null : json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit state not serializable", e);
        }
    }

    private JsonNode node(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored audit entry cannot be read", e);
        }
    }
}
