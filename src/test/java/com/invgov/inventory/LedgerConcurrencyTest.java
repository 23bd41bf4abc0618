package com.invgov.inventory;

import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants 1–4 of DESIGN §3 under concurrency, through the HTTP API: 16 clients post transfers both ways,
 * issues, receipts and reservations against the same item and two locations, in lock-step rounds where pairs
 * of clients send the same request with the same Idempotency-Key at the same moment.
 */
@IntegrationTest
class LedgerConcurrencyTest {

    static final int CLIENTS = 16;
    static final int ROUNDS = 25;
    static final String A = "P1-WH1-A-01-01";
    static final String B = "P1-WH1-A-01-02";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Op(String key, String path, String body) {
    }

    @Test
    void concurrentPostingsKeepEveryBalanceEqualToItsLedger() throws Exception {
        String sku = "CONC-" + Long.toHexString(System.nanoTime());
        RestClient admin = Api.as(port, "ada");
        assertThat(admin.put().uri("/api/v1/items/" + sku).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"description": "concurrency probe", "baseUom": "EA", "uomConversions": [{"uom": "BOX", "factor": 10}],
                         "tracking": "NONE", "abcClass": "B", "category": "TST", "unitCost": 1.5, "regulated": false}""")
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
        RestClient mes = Api.as(port, "mes");
        assertThat(send(mes, new Op(sku + "-open", "/api/v1/movements", receipt(sku, 60, A))).getStatusCode().value())
                .isEqualTo(201);

        Random random = new Random(42);
        List<List<Op>> rounds = new ArrayList<>();
        int unique = 0;
        for (int r = 0; r < ROUNDS; r++) {
            List<Op> round = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                if (c % 4 == 1) {
                    round.add(round.get(c - 1)); // the same request, same key, at the same moment
                } else {
                    round.add(op(sku + "-" + unique++, sku, random));
                }
            }
            rounds.add(round);
        }

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger replays = new AtomicInteger();
        CyclicBarrier barrier = new CyclicBarrier(CLIENTS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            // a duplicated pair (clients 4k and 4k+1) posts as one caller: keys are scoped to the caller
            RestClient caller = client % 2 == 0 || client % 4 == 1 ? mes : Api.as(port, "olga");
            done.add(pool.submit(() -> {
                for (List<Op> round : rounds) {
                    barrier.await(60, TimeUnit.SECONDS);
                    Op op = round.get(client);
                    ResponseEntity<String> response = send(caller, op);
                    statuses.computeIfAbsent(response.getStatusCode().value(), k -> new AtomicInteger()).incrementAndGet();
                    if ("true".equals(response.getHeaders().getFirst("Idempotent-Replayed"))) {
                        replays.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(statuses.keySet()).as("only created, refused for stock, or replayed").isSubsetOf(201, 409);
        assertThat(statuses.get(201).get()).isGreaterThan(CLIENTS * ROUNDS / 2);
        assertThat(replays.get()).as("duplicates answered from the first response").isGreaterThan(0);

        // Invariant 4: no key posted twice (per actor)
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (SELECT actor, idempotency_key FROM movement WHERE sku = ?
                        GROUP BY actor, idempotency_key HAVING count(*) > 1) d""")
                .param(sku).query(Long.class).single()).isZero();
        // Invariant 1: every balance equals its replayed ledger
        List<Map<String, Object>> mismatches = jdbc.sql("""
                        SELECT b.location, b.status, b.quantity,
                               coalesce((SELECT sum(quantity) FROM movement m WHERE m.sku = b.sku AND m.to_location = b.location
                                         AND m.to_status = b.status AND m.lot = b.lot), 0)
                             - coalesce((SELECT sum(quantity) FROM movement m WHERE m.sku = b.sku AND m.from_location = b.location
                                         AND m.from_status = b.status AND m.lot = b.lot), 0) AS replayed
                        FROM balance b WHERE b.sku = ?""")
                .param(sku).query().listOfRows().stream()
                .filter(row -> ((BigDecimal) row.get("quantity")).compareTo((BigDecimal) row.get("replayed")) != 0)
                .toList();
        assertThat(mismatches).isEmpty();
        // Invariants 2 and 3: nothing negative, reserved within quantity and equal to the open reservations
        assertThat(jdbc.sql("SELECT count(*) FROM balance WHERE sku = ? AND (quantity < 0 OR reserved > quantity)")
                .param(sku).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT coalesce(sum(reserved), 0) FROM balance WHERE sku = ?").param(sku)
                .query(BigDecimal.class).single())
                .isEqualByComparingTo(jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM reservation WHERE sku = ? AND status = 'OPEN'")
                        .param(sku).query(BigDecimal.class).single());
        // every stored 201 is exactly one movement or reservation; replays added none
        long movements = jdbc.sql("SELECT count(*) FROM movement WHERE sku = ?").param(sku).query(Long.class).single();
        long reservations = jdbc.sql("SELECT count(*) FROM reservation WHERE sku = ?").param(sku).query(Long.class).single();
        long created = jdbc.sql("SELECT count(*) FROM idempotency_key WHERE key LIKE ? AND status = 201")
                .param(sku + "-%").query(Long.class).single();
        assertThat(movements + reservations).isEqualTo(created);
        assertThat(statuses.get(201).get() + statuses.getOrDefault(409, new AtomicInteger()).get())
                .isEqualTo(CLIENTS * ROUNDS);
    }

    private Op op(String key, String sku, Random random) {
        int kind = random.nextInt(10);
        int quantity = 1 + random.nextInt(5);
        if (kind < 4) {
            return new Op(key, "/api/v1/movements", transfer(sku, quantity, A, B));
        }
        if (kind < 7) {
            return new Op(key, "/api/v1/movements", transfer(sku, quantity, B, A));
        }
        if (kind == 7) {
            return new Op(key, "/api/v1/movements", """
                    {"type": "ISSUE", "sku": "%s", "quantity": %d, "uom": "EA", "from": {"location": "%s"},
                     "to": {"location": "P1-WH1-PROD"}, "reference": "MO-CONC"}""".formatted(sku, quantity, A));
        }
        if (kind == 8) {
            return new Op(key, "/api/v1/reservations", """
                    {"sku": "%s", "location": "%s", "quantity": %d, "uom": "EA", "reference": "MO-%s"}"""
                    .formatted(sku, random.nextBoolean() ? A : B, quantity, key));
        }
        return new Op(key, "/api/v1/movements", receipt(sku, quantity, random.nextBoolean() ? A : B));
    }

    static String transfer(String sku, int quantity, String from, String to) {
        return """
                {"type": "TRANSFER", "sku": "%s", "quantity": %d, "uom": "EA",
                 "from": {"location": "%s", "status": "AVAILABLE"}, "to": {"location": "%s"}}"""
                .formatted(sku, quantity, from, to);
    }

    static String receipt(String sku, int quantity, String to) {
        return """
                {"type": "RECEIPT", "sku": "%s", "quantity": %d, "uom": "EA", "to": {"location": "%s"}, "reference": "PO-CONC"}"""
                .formatted(sku, quantity, to);
    }

    private static ResponseEntity<String> send(RestClient client, Op op) {
        return client.post().uri(op.path()).header("Idempotency-Key", op.key()).contentType(MediaType.APPLICATION_JSON)
                .body(op.body()).retrieve().toEntity(String.class);
    }
}
