package com.invgov.rules.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.api.DeferredWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every decision, with what explains it (DESIGN §2): subject, facts, outcome, version, fired rules, time. */
@Repository
class DecisionLog {

    /** A logged decision as simulations replay it. */
    record Entry(UUID id, String subject, String factsJson, String outcome, int version) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final DeferredWrites writes;

    DecisionLog(JdbcClient jdbc, ObjectMapper json, DeferredWrites writes) {
        this.jdbc = jdbc;
        this.json = json;
        this.writes = writes;
    }

    UUID write(String ruleSet, int version, String subject, Object fact, Object decision, String outcome,
               List<String> firedRules, Instant at) {
        UUID id = UUID.randomUUID();
        // nothing reads the log in the deciding transaction: it waits for that transaction's next round trip
        writes.write("""
                        INSERT INTO decision_log (id, rule_set, version, subject, facts, decision, outcome, fired_rules,
                                                  decided_at)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, CAST(? AS jsonb), ?)""",
                id, ruleSet, version, subject, toJson(fact), toJson(decision), outcome, toJson(firedRules),
                Timestamp.from(at));
        return id;
    }

    List<Entry> last(String ruleSet, int limit) {
        writes.flush();
        return jdbc.sql("SELECT id, subject, facts::text, outcome, version FROM decision_log WHERE rule_set = ? "
                        + "ORDER BY decided_at DESC, id LIMIT ?")
                .params(ruleSet, limit)
                .query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5)))
                .list();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
