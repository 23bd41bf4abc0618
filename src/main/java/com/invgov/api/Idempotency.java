package com.invgov.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.invgov.api.internal.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for mutating calls (DESIGN §6). Keys are scoped to the caller. The action runs in a
 * transaction together with storing its response; the same key with the same request (method, path, body
 * compared as parsed JSON) replays the first response with {@code Idempotent-Replayed: true}; with another
 * request it is 422 {@code idempotency-conflict}. Business refusals (409) are stored and replayed too; every
 * other refusal means nothing ran, and the key stays free. Keys are kept {@link #RETENTION} (≥ 7 days).
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final Duration RETENTION = Duration.ofDays(8);
    static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Transactions transactions;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<BodyReferences> references;
    private volatile List<BodyReferences> bodyReferences;
    private final DeferredWrites writes;

    /** This application's holder (a JVM may run several contexts, each with its own; see CurrentUser). */
    private final org.springframework.security.core.context.SecurityContextHolderStrategy security;

    Idempotency(JdbcClient jdbc, ObjectMapper json, Transactions transactions, Clock clock,
                org.springframework.beans.factory.ObjectProvider<org.springframework.security.core.context.SecurityContextHolderStrategy> security,
                org.springframework.beans.factory.ObjectProvider<BodyReferences> references, DeferredWrites writes) {
        this.references = references;
        this.writes = writes;
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Runs {@code action} at most once per (caller, key); {@code key} may be null when not {@code required}. */
    public ResponseEntity<Object> run(HttpServletRequest request, String key, boolean required, Object body,
                                      Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            if (required) {
                throw ValidationFailed.badRequest("The Idempotency-Key header is required for this call.",
                        List.of(new FieldProblem(HEADER, "required")));
            }
            return cast(transactions.inTransaction(action));
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ValidationFailed.badRequest("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.",
                    List.of(new FieldProblem(HEADER, "1 to " + MAX_KEY_LENGTH + " characters")));
        }
        // its answer's row is checked at the commit of the transaction it opens here (a controller calls it)
        org.springframework.util.Assert.state(!TransactionSynchronizationManager.isActualTransactionActive(),
                "Idempotency.run must not join a transaction: a taken key shows only at its commit");
        String caller = caller();
        String hash = hash(request, body);
        // No look-up first (one round trip less per call): a repeated request runs again, finds its key taken
        // when its answer is stored (with the COMMIT, which fails and so rolls back) and replays. The ledger
        // itself never posts a key twice.
        try {
            return transactions.inTransaction(() -> {
                ResponseEntity<?> response = action.get();
                storeAtCommit(caller, key, hash, response);
                return cast(response);
            }, false);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // the key was taken: by this request earlier, or by the same request at the same moment (also when a
            // batch found its movement keys taken): answer as that did
            Optional<Stored> winner = find(caller, key);
            if (winner.isPresent()) {
                return replay(winner.get(), hash);
            }
            throw e;
        } catch (ApiProblem e) {
            if (e.status() != HttpStatus.CONFLICT) {
                // refused before anything ran; but if the key was used, that use decides the answer
                Optional<Stored> earlier = find(caller, key);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), hash);
                }
                throw e;
            }
            // A business refusal is an answer too: keep it, so a retry gets the same one.
            // ...and its after-rollback work (counting the refusal) is done once, with the first answer only
            ResponseEntity<Object> refusal = ProblemResponses.response(ProblemResponses.problem(e, request));
            Runnable aftermath = e.takeAftermath();
            boolean stored = Boolean.TRUE.equals(transactions.inTransaction(() -> {
                boolean first = store(caller, key, hash, refusal);
                if (first && aftermath != null) {
                    aftermath.run();
                }
                return first;
            }));
            return stored ? refusal : replay(find(caller, key).orElseThrow(), hash);
        }
    }

    @Scheduled(cron = "0 17 3 * * *")
    void forgetOldKeys() {
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?")
                .param(java.sql.Timestamp.from(clock.instant().minus(RETENTION)))
                .update();
    }

    private record Stored(String requestHash, int status, String body, String location, String bodyRef) {
    }

    private Optional<Stored> find(String caller, String key) {
        return jdbc.sql("SELECT request_hash, status, body, location, body_ref FROM idempotency_key "
                        + "WHERE caller = ? AND key = ?")
                .params(caller, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    private static final String INSERT = """
            INSERT INTO idempotency_key (caller, key, request_hash, status, body, body_ref, location, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Whether the answer was stored now; false when the key was taken (a refusal's answer, kept on its own). */
    private boolean store(String caller, String key, String hash, ResponseEntity<?> response) {
        return writes.flushWith(INSERT + " ON CONFLICT DO NOTHING", row(caller, key, hash, response)) == 1;
    }

    /**
     * The last row of the call: it waits and travels with the transaction's other waiting rows and its COMMIT, one
     * round trip for all. A taken key fails the commit (unique key), and the caller replays.
     */
    private void storeAtCommit(String caller, String key, String hash, ResponseEntity<?> response) {
        writes.write(INSERT, row(caller, key, hash, response));
    }

    private Object[] row(String caller, String key, String hash, ResponseEntity<?> response) {
        String body = null;
        String bodyRef = reference(response.getBody());
        if (bodyRef == null && response.getBody() != null) {
            try {
                body = json.writeValueAsString(response.getBody());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("response not serializable", e);
            }
        }
        String location = response.getHeaders().getLocation() == null ? null
                : response.getHeaders().getLocation().toString();
        return new Object[] {caller, key, hash, response.getStatusCode().value(), body, bodyRef, location,
                java.sql.Timestamp.from(clock.instant())};
    }

    /** "kind:reference" when a module keeps this body itself (so it is not copied here), else null. */
    private String reference(Object body) {
        if (body == null || body instanceof String) {
            return null;
        }
        for (BodyReferences r : bodyReferences()) {
            String reference = r.referenceOf(body);
            if (reference != null) {
                return r.kind() + ":" + reference;
            }
        }
        return null;
    }

    /** Looked up once, on first use (every posting asks). */
    private List<BodyReferences> bodyReferences() {
        List<BodyReferences> found = bodyReferences;
        if (found == null) {
            found = references.orderedStream().toList();
            if (!found.isEmpty()) {
                bodyReferences = found;
            }
        }
        return found;
    }

    private String rendered(String bodyRef) {
        int colon = bodyRef.indexOf(':');
        String kind = bodyRef.substring(0, colon);
        BodyReferences source = bodyReferences().stream().filter(r -> r.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no BodyReferences for " + kind));
        try {
            return json.writeValueAsString(source.body(bodyRef.substring(colon + 1)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }

    private ResponseEntity<Object> replay(Stored stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new ApiProblem(ProblemType.IDEMPOTENCY_CONFLICT,
                    "This Idempotency-Key was used for a different request.");
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status()).header(REPLAYED, "true");
        if (stored.location() != null) {
            builder.header(HttpHeaders.LOCATION, stored.location());
        }
        MediaType type = stored.status() >= 400 ? Problems.PROBLEM_JSON : MediaType.APPLICATION_JSON;
        String body = stored.bodyRef() != null ? rendered(stored.bodyRef()) : stored.body();
        return body == null ? builder.build() : builder.contentType(type).body(body);
    }

    private String caller() {
        Authentication a = security.getContext().getAuthentication();
        return a == null ? "anonymous" : a.getName();
    }

    private String hash(HttpServletRequest request, Object body) {
        JsonNode canonical = canonical(json.valueToTree(body));
        String text = request.getMethod() + " " + request.getRequestURI() + "\n" + canonical;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys sorted, numbers compared by value (2 = 2.0), so equal JSON gives equal text. */
    private static JsonNode canonical(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                sorted.put(field.getKey(), canonical(field.getValue()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(canonical(element)));
            return out;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            return JsonNodeFactory.instance.textNode("#" + (value.signum() == 0 ? "0" : value.stripTrailingZeros().toString()));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> cast(ResponseEntity<?> response) {
        return (ResponseEntity<Object>) response;
    }
}
