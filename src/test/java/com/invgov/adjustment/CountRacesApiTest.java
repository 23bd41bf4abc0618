package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts of one (item, location) that arrive at the same moment, as two scanners or an MES retrying would send them. */
@IntegrationTest
class CountRacesApiTest {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    com.invgov.inventory.Ledger ledger;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aCountWaitsForAMovementInFlightOnItsPlaceAndDoesNotPostItAgain() throws Exception {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch moved = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try {
            // 30 leave the place in a transaction that has changed the balance but not yet committed
            Future<?> transfer = pool.submit(() -> new org.springframework.transaction.support.TransactionTemplate(
                    transactions).executeWithoutResult(status -> {
                        ledger.post(new com.invgov.inventory.MovementCommand(com.invgov.inventory.MovementType.TRANSFER,
                                f.sku, new java.math.BigDecimal("30"), "EA", null, null,
                                new com.invgov.inventory.Place(f.location, null),
                                new com.invgov.inventory.Place("P1-WH1-STG", null), null, null,
                                Instant.now().minusSeconds(5), "test"),
                                new com.invgov.inventory.Posting("olga", "test", "inflight-" + f.sku));
                        moved.countDown();
                        try {
                            commit.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            moved.await();
            // the counter saw the 30 go: 2270 on the shelf
            Future<ResponseEntity<JsonNode>> count = pool.submit(() -> f.count("olga", "2270", "EA", Instant.now(),
                    null));
            for (int i = 0; i < 200 && !count.isDone() && waitingForALock() == 0; i++) {
                java.util.concurrent.locks.LockSupport.parkNanos(25_000_000);
            }
            commit.countDown();
            transfer.get();
            ResponseEntity<JsonNode> answer = count.get();
            assertThat(answer.getStatusCode().value()).isEqualTo(201);
            assertThat(answer.getBody().at("/variance/systemQuantity").decimalValue())
                    .as("read after the transfer committed").isEqualByComparingTo("2270");
            assertThat(answer.getBody().at("/decision/outcome").asText()).isEqualTo("NO_VARIANCE");
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        assertThat(f.onHand()).isEqualByComparingTo("2270");
    }

    private int waitingForALock() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND datname = current_database()").query(Integer.class).single();
    }

    @Test
    void simultaneousCountsOfOnePairPostTheVarianceOnce() throws Exception {
        // 2300 on record, 2290 on the shelf: a small C-item variance that each count would post at once
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        Instant countedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int counts = 6;
        ExecutorService pool = Executors.newFixedThreadPool(counts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < counts; i++) {
                String counter = i % 2 == 0 ? "olga" : "pavel";
                answers.add(pool.submit(() -> {
                    go.await();
                    return f.count(counter, "2290", "EA", countedAt, null);
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : answers) {
                ResponseEntity<JsonNode> r = answer.get();
                assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
                outcomes.add(r.getBody().at("/decision/outcome").asText());
            }
            // the first posts -10; every later one finds the ledger at 2290 already
            assertThat(outcomes).containsOnlyOnce("AUTO_APPROVE");
            assertThat(outcomes).filteredOn(o -> !o.equals("AUTO_APPROVE")).containsOnly("NO_VARIANCE");
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.onHand()).isEqualByComparingTo("2290");
    }
}
