package com.invgov.rules.internal;

import com.invgov.rules.RuleFormat;
import com.invgov.rules.VersionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Rule sets and their versions in PostgreSQL; every method joins the caller's transaction. */
@Repository
class RuleSetStore {

    /** A stored version; {@code tableJson} is null for DRL versions. */
    record Row(String ruleSet, int version, VersionStatus status, RuleFormat format, String tableJson, String drl,
               String comment, String author, Instant createdAt, String publishedBy, Instant publishedAt,
               Instant retiredAt) {
    }

    private static final String COLUMNS = "rule_set, version, status, format, table_json::text AS table_json, drl, "
            + "comment, author, created_at, published_by, published_at, retired_at";

    private final JdbcClient jdbc;

    RuleSetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void ensureRuleSet(String key, String name) {
        jdbc.sql("INSERT INTO rule_set (key, name) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")
                .params(key, name).update();
    }

    boolean hasVersions(String key) {
        return jdbc.sql("SELECT count(*) FROM rule_set_version WHERE rule_set = ?").param(key)
                .query(Long.class).single() > 0;
    }

    /** Locks the rule set against concurrent version numbering and publishing until the transaction ends. */
    void lock(String key) {
        jdbc.sql("SELECT key FROM rule_set WHERE key = ? FOR UPDATE").param(key).query(String.class).optional();
    }

    int nextVersion(String key) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM rule_set_version WHERE rule_set = ?")
                .param(key).query(Integer.class).single();
    }

    /** @return false when the version exists already (a concurrent seed on another node) */
    boolean insert(Row row) {
        return jdbc.sql("""
                        INSERT INTO rule_set_version (rule_set, version, status, format, table_json, drl, comment, author,
                                                      created_at, published_by, published_at)
                        VALUES (:ruleSet, :version, :status, :format, CAST(:table AS jsonb), :drl, :comment, :author,
                                :createdAt, :publishedBy, :publishedAt)
                        ON CONFLICT DO NOTHING""")
                .param("ruleSet", row.ruleSet())
                .param("version", row.version())
                .param("status", row.status().name())
                .param("format", row.format().name())
                .param("table", row.tableJson())
                .param("drl", row.drl())
                .param("comment", row.comment())
                .param("author", row.author())
                .param("createdAt", Timestamp.from(row.createdAt()))
                .param("publishedBy", row.publishedBy())
                .param("publishedAt", row.publishedAt() == null ? null : Timestamp.from(row.publishedAt()))
                .update() == 1;
    }

    Optional<Row> find(String key, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_set_version WHERE rule_set = ? AND version = ?")
                .params(key, version).query(RuleSetStore::row).optional();
    }

    List<Row> versions(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_set_version WHERE rule_set = ? ORDER BY version DESC")
                .param(key).query(RuleSetStore::row).list();
    }

    Optional<Row> published(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_set_version WHERE rule_set = ? AND status = 'PUBLISHED'")
                .param(key).query(RuleSetStore::row).optional();
    }

    /** Rule set → published version number; cheap enough to poll. */
    Map<String, Integer> publishedVersions() {
        return jdbc.sql("SELECT rule_set, version FROM rule_set_version WHERE status = 'PUBLISHED'")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Retires the published version (if any) and publishes this one. Call under {@link #lock}. */
    void publish(String key, int version, String by, Instant at) {
        jdbc.sql("UPDATE rule_set_version SET status = 'RETIRED', retired_at = ? "
                        + "WHERE rule_set = ? AND status = 'PUBLISHED'")
                .params(Timestamp.from(at), key).update();
        jdbc.sql("UPDATE rule_set_version SET status = 'PUBLISHED', published_by = ?, published_at = ?, "
                        + "retired_at = NULL WHERE rule_set = ? AND version = ?")
                .params(by, Timestamp.from(at), key, version).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("rule_set"), rs.getInt("version"), VersionStatus.valueOf(rs.getString("status")),
                RuleFormat.valueOf(rs.getString("format")), rs.getString("table_json"), rs.getString("drl"),
                rs.getString("comment"), rs.getString("author"), instant(rs, "created_at"),
                rs.getString("published_by"), instant(rs, "published_at"), instant(rs, "retired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
