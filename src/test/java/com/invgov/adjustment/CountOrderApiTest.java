package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A place's counts in time: a later count found the place as it was then, so a variance found before it is never
 * posted after it (twice), and while a variance waits for its blind recount the next count of the place is that
 * recount (DESIGN §5.1, §5.2).
 */
@IntegrationTest
class CountOrderApiTest {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aCountMadeBeforeALaterCountOfThePlaceIsRefusedAndChangesNothing() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 100);
        Instant later = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<JsonNode> first = f.count("olga", "97", "EA", later, null);
        assertThat(first.getBody().at("/decision/outcome").asText()).isEqualTo("AUTO_APPROVE");
        assertThat(f.onHand()).isEqualByComparingTo("97");

        // a second counter found the same 97 an hour earlier, and his count arrives now: it is not posted again
        ResponseEntity<JsonNode> earlier = f.count("pavel", "97", "EA", later.minus(1, ChronoUnit.HOURS), null);
        assertThat(earlier.getStatusCode().value()).isEqualTo(409);
        assertThat(earlier.getBody().get("type").asText()).endsWith("/conflict");
        assertThat(earlier.getBody().get("detail").asText()).contains("after this count");
        assertThat(f.onHand()).isEqualByComparingTo("97");

        // one at the same moment or later is taken (it finds 97 on record)
        ResponseEntity<JsonNode> same = f.count("pavel", "97", "EA", later, null);
        assertThat(same.getStatusCode().value()).isEqualTo(201);
        assertThat(same.getBody().at("/decision/outcome").asText()).isEqualTo("NO_VARIANCE");
    }

    @Test
    void anApprovalOfAVarianceALaterCountAlreadySawClosesItWithoutPosting() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        String id = f.post("ivan", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": 500, "reasonCode": "FOUND", "note": "pallet"}"""
                .formatted(f.location, f.sku)).getBody().get("id").asText();
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("PENDING_APPROVAL");

        // the place is counted before anyone approves: 2300, as on record — the pallet is not there
        ResponseEntity<JsonNode> count = f.count("olga", "2300", "EA", Instant.now(), null);
        assertThat(count.getBody().at("/decision/outcome").asText()).isEqualTo("NO_VARIANCE");

        f.approve("iris", id);
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("CLOSED");
        assertThat(f.adjustment(id).get("movementId").isNull()).isTrue();
        assertThat(f.onHand()).as("what the later count found").isEqualByComparingTo("2300");
    }

    @Test
    void whileAVarianceWaitsForItsRecountTheNextCountOfThePlaceIsThatRecount() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        ResponseEntity<JsonNode> first = f.count("olga", "1800", "EA", Instant.now().minusSeconds(60), null);
        assertThat(first.getBody().at("/decision/outcome").asText()).isEqualTo("RECOUNT");
        String adjustmentId = first.getBody().get("adjustmentId").asText();

        // the first counter cannot count the place again: that count would be the recount of her own count
        ResponseEntity<JsonNode> again = f.count("olga", "1800", "EA", Instant.now(), null);
        assertThat(again.getStatusCode().value()).isEqualTo(403);
        assertThat(again.getBody().get("type").asText()).endsWith("/segregation-of-duties");

        // anyone else's count of the place is the recount: no second adjustment, nothing answered before counting
        ResponseEntity<JsonNode> next = f.count("omar", "1800", "EA", Instant.now(), null);
        assertThat(next.getStatusCode().value()).isEqualTo(201);
        assertThat(next.getBody().get("adjustmentId").asText()).isEqualTo(adjustmentId);
        assertThat(f.adjustment(adjustmentId).get("status").asText()).as("the variance confirmed by a recount")
                .isEqualTo("PENDING_APPROVAL");
        assertThat(jdbc.sql("SELECT count(*) FROM adjustment WHERE sku = ?").param(f.sku).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT recount FROM count_result WHERE id = ?::uuid")
                .param(next.getBody().get("id").asText()).query(Boolean.class).single()).isTrue();
        assertThat(f.onHand()).isEqualByComparingTo("2300");
    }
}
