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
 * event that commits late. Events are deferred writes ({@link DeferredWrites}): they reach the table with the
 * transaction's next statement that sends them, in the order they were appended.
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
    private final org.springframework.beans.factory.ObjectProvider<BodyReferences> references;
    private final DeferredWrites writes;

    EventFeed(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, ObjectMapper json, Clock clock,
              org.springframework.beans.factory.ObjectProvider<BodyReferences> references, DeferredWrites writes) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.clock = clock;
        this.references = references;
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
        writes.write("INSERT INTO outbox_event (type, subject_type, subject_id, payload, occurred_at) "
                + "VALUES (?, ?, ?, ?::jsonb, ?)", type, subjectType, subjectId, body, Timestamp.from(clock.instant()));
    }

    /**
     * Appends an event whose payload is its subject as the {@link BodyReferences} bean of {@code subjectType}
     * renders it when the feed is read (the subject must be immutable): nothing is copied.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendReference(String type, String subjectType, String subjectId) {
        writes.write("INSERT INTO outbox_event (type, subject_type, subject_id, payload, occurred_at) "
                + "VALUES (?, ?, ?, NULL, ?)", type, subjectType, subjectId, Timestamp.from(clock.instant()));
    }

    /** {@link #appendReference} for many subjects in one round trip (batches). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendReferences(String type, String subjectType, List<String> subjectIds) {
        // one statement (an array of ids, unnest keeps their order in seq), not a batch of inserts
        writes.write("INSERT INTO outbox_event (type, subject_type, subject_id, payload, occurred_at) "
                        + "SELECT ?, ?, id, NULL, ? FROM unnest(?) WITH ORDINALITY AS s(id, n) ORDER BY n",
                type, subjectType, Timestamp.from(clock.instant()),
                new org.springframework.jdbc.support.SqlArrayValue("text", subjectIds.toArray()));
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
        writes.flush();
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
        List<Event> rows = jdbc.sql("""
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
        List<Event> events = rendered(rows);
        String next = events.isEmpty() ? (after == null || after.isBlank() ? null : after)
                : events.get(events.size() - 1).id();
        return new Page<>(events, next);
    }

    /** Fills in the payloads kept by reference, one query per subject type. */
    private List<Event> rendered(List<Event> rows) {
        java.util.Map<String, List<String>> wanted = new java.util.LinkedHashMap<>();
        for (Event e : rows) {
            if (e.payload() == null) {
                wanted.computeIfAbsent(e.subjectType(), t -> new java.util.ArrayList<>()).add(e.subjectId());
            }
        }
        if (wanted.isEmpty()) {
            return rows;
        }
        java.util.Map<String, java.util.Map<String, JsonNode>> payloads = new java.util.HashMap<>();
        wanted.forEach((subjectType, ids) -> {
            BodyReferences source = references.orderedStream().filter(r -> r.kind().equals(subjectType)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no BodyReferences for " + subjectType));
            List<?> bodies = source.payloads(ids);
            java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                // through text, as a stored payload is: valueToTree would turn 500 into 5E+2
                try {
                    byId.put(ids.get(i), json.readTree(json.writeValueAsString(bodies.get(i))));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("event payload not serializable", e);
                }
            }
            payloads.put(subjectType, byId);
        });
        List<Event> out = new java.util.ArrayList<>(rows.size());
        for (Event e : rows) {
            out.add(e.payload() != null ? e : new Event(e.id(), e.type(), e.subjectType(), e.subjectId(),
                    e.occurredAt(), payloads.get(e.subjectType()).get(e.subjectId())));
        }
        return out;
    }

    private JsonNode parse(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
