package com.invgov.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox behind {@code GET /api/v1/events}: a module appends an event in the transaction of
 * the change it describes, so the feed has exactly the committed changes. Readers get events in (transaction,
 * sequence) order and only of transactions older than every one still running, so a cursor never skips an
 * event that commits late.
 */
@Component
public class EventFeed {

    /** One event as integrations see it; {@code id} is the cursor to pass as {@code after}. */
    public record Event(String id, String type, String subjectType, String subjectId, Instant occurredAt,
                        JsonNode payload) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final ObjectMapper json;
    private final Clock clock;

    EventFeed(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.clock = clock;
    }

    /** Appends an event to the current transaction (there must be one). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String type, String subjectType, String subjectId, Object payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload not serializable", e);
        }
        jdbc.sql("INSERT INTO outbox_event (type, subject_type, subject_id, payload, occurred_at) VALUES (?, ?, ?, ?::jsonb, ?)")
                .params(type, subjectType, subjectId, body, Timestamp.from(clock.instant()))
                .update();
    }

    /** Appends one event per subject in one round trip (batches). */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> void appendAll(String type, String subjectType, List<T> payloads, java.util.function.Function<T, String> idOf) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new java.util.ArrayList<>(payloads.size());
        for (T payload : payloads) {
            try {
                rows.add(new Object[]{type, subjectType, idOf.apply(payload), json.writeValueAsString(payload), now});
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("event payload not serializable", e);
            }
        }
        template.batchUpdate("INSERT INTO outbox_event (type, subject_type, subject_id, payload, occurred_at) "
                + "VALUES (?, ?, ?, ?::jsonb, ?)", rows);
    }

    /**
     * Events after the cursor, oldest first. {@code next} is always the cursor to poll with next (the one given
     * when nothing new has committed yet), so a client can keep polling.
     */
    @Transactional(readOnly = true)
    public Page<Event> read(String after, int limit) {
        String position = Cursor.decode(after);
        long tx = 0;
        long seq = 0;
        if (position != null) {
            String[] parts = position.split(":");
            try {
                tx = Long.parseLong(parts[0]);
                seq = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw ValidationFailed.badRequest("after is not a cursor this API gave out",
                        List.of(new FieldProblem("after", "not a cursor this API gave out")));
            }
        }
        List<Event> events = jdbc.sql("""
                        SELECT tx::text::bigint AS tx, seq, type, subject_type, subject_id, occurred_at, payload::text AS payload
                        FROM outbox_event
                        WHERE (tx, seq) > (?::text::xid8, ?)
                          AND tx < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY tx, seq
                        LIMIT ?""")
                .params(String.valueOf(tx), seq, limit)
                .query((rs, n) -> new Event(Cursor.encode(rs.getLong("tx") + ":" + rs.getLong("seq")),
                        rs.getString("type"), rs.getString("subject_type"), rs.getString("subject_id"),
                        rs.getTimestamp("occurred_at").toInstant(), parse(rs.getString("payload"))))
                .list();
        String next = events.isEmpty() ? (after == null || after.isBlank() ? null : after)
                : events.get(events.size() - 1).id();
        return new Page<>(events, next);
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
