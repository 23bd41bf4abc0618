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
