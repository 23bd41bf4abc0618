package com.invgov.workflow.internal;

import com.invgov.workflow.DeployedProcess;
import com.invgov.workflow.ProcessDraft;
import com.invgov.workflow.ProcessDraftStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code process_draft} table. */
@Component
class ProcessDraftStore {

    private static final String COLUMNS = "id, process_key, draft_number, name, status, comment, created_by, "
            + "created_at, published_by, published_at, deployment_id, definition_id, definition_version, base_version";

    private final JdbcClient jdbc;

    ProcessDraftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes new drafts of one key (their numbers) until the transaction ends, on every node. */
    void lockKey(String processKey) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('process_draft'), hashtext(?))").param(processKey)
                .query((rs, n) -> 1).list();
    }

    long insert(String processKey, String name, String bpmn, String comment, String author, Instant at,
                Integer baseVersion) {
        return jdbc.sql("""
                        INSERT INTO process_draft (process_key, draft_number, name, bpmn, comment, status, created_by,
                                                   created_at, base_version)
                        VALUES (?, (SELECT coalesce(max(draft_number), 0) + 1 FROM process_draft WHERE process_key = ?),
                                ?, ?, ?, 'DRAFT', ?, ?, ?)
                        RETURNING id""")
                .params(processKey, processKey, name, bpmn, comment, author, Timestamp.from(at), baseVersion)
                .query(Long.class).single();
    }

    Optional<ProcessDraft> find(long id, boolean withBpmn) {
        return jdbc.sql("SELECT " + COLUMNS + (withBpmn ? ", bpmn" : ", NULL AS bpmn")
                        + " FROM process_draft WHERE id = ?")
                .param(id).query(ROW).optional();
    }

    /** The draft with its BPMN, its row locked until the transaction ends (a publish on another node waits). */
    Optional<ProcessDraft> lockForPublish(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", bpmn FROM process_draft WHERE id = ? FOR UPDATE")
                .param(id).query(ROW).optional();
    }

    void markPublished(long id, String by, Instant at, DeployedProcess deployed) {
        jdbc.sql("""
                        UPDATE process_draft SET status = 'PUBLISHED', published_by = ?, published_at = ?,
                               deployment_id = ?, definition_id = ?, definition_version = ?
                        WHERE id = ? AND status = 'DRAFT'""")
                .params(by, Timestamp.from(at), deployed.deploymentId(), deployed.id(), deployed.version(), id)
                .update();
    }

    /** Newest first, {@code limit + 1} rows (the extra one tells whether there is a next page). */
    List<ProcessDraft> page(String processKey, long beforeId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + ", NULL AS bpmn FROM process_draft "
                        + "WHERE id < ? AND (CAST(? AS text) IS NULL OR process_key = ?) ORDER BY id DESC LIMIT ?")
                .params(beforeId, processKey, processKey, limit + 1)
                .query(ROW).list();
    }

    private static final RowMapper<ProcessDraft> ROW = ProcessDraftStore::row;

    private static ProcessDraft row(ResultSet rs, int n) throws SQLException {
        String definitionId = rs.getString("definition_id");
        DeployedProcess deployed = definitionId == null ? null : new DeployedProcess(definitionId,
                rs.getString("process_key"), rs.getInt("definition_version"), rs.getString("deployment_id"),
                rs.getString("name"), rs.getLong("id"));
        return new ProcessDraft(rs.getLong("id"), rs.getString("process_key"), rs.getInt("draft_number"),
                rs.getString("name"), ProcessDraftStatus.valueOf(rs.getString("status")), rs.getString("comment"),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")), rs.getString("published_by"),
                instant(rs.getTimestamp("published_at")), deployed, (Integer) rs.getObject("base_version"),
                rs.getString("bpmn"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
