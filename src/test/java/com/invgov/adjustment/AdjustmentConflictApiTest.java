package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A posting refused because the stock moved between the count (or request) and the approval: CONFLICT, a recount by
 * another operator, and the adjustment ends as the recount decides (DESIGN §5.1), seen through the API and the ledger.
 */
@IntegrationTest
class AdjustmentConflictApiTest {

    @LocalServerPort
    int port;

    private final Instant countTime = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aRecountWithRecountOfAfterAConflictPostsWhatWasCounted() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        Conflicted c = conflicted(f);
        JsonNode recountTask = f.taskOf("pavel", c.adjustmentId());
        assertThat(recountTask).as("the recount goes to an operator who has not counted").isNotNull();
        assertThat(recountTask.toString()).as("blind").doesNotContain("2300");

        // pavel finds 4 where the ledger has 10: -6 × 10.40 = 62.40, the controller's approval given still counts
        Instant recountTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<JsonNode> recount = f.count("pavel", "4", "EA", recountTime, c.firstCountId());
        assertThat(recount.getStatusCode().value()).as("%s", recount.getBody()).isEqualTo(201);
        assertThat(recount.getBody().get("adjustmentId").asText()).isEqualTo(c.adjustmentId());
        assertThat(recount.getBody().at("/variance/diffQuantity").decimalValue()).isEqualByComparingTo("-6");

        JsonNode a = f.adjustment(c.adjustmentId());
        assertThat(a.get("status").asText()).isEqualTo("POSTED");
        assertThat(a.get("quantityDelta").decimalValue()).isEqualByComparingTo("-6");
        assertThat(a.get("reasonCode").asText()).isEqualTo("LOST");
        assertThat(f.onHand()).isEqualByComparingTo("4");
        List<JsonNode> adjustments = adjustmentMovements(f);
        assertThat(adjustments).hasSize(1);
        assertThat(adjustments.get(0).get("id").asText()).isEqualTo(a.get("movementId").asText());
        assertThat(adjustments.get(0).get("quantity").decimalValue()).isEqualByComparingTo("6");
        assertThat(adjustments.get(0).at("/from/location").asText()).isEqualTo(f.location);
        assertThat(Instant.parse(adjustments.get(0).get("eventTime").asText())).isEqualTo(recountTime);
        assertThat(f.taskOf("pavel", c.adjustmentId())).as("nothing is left to do").isNull();
        assertThat(f.taskOf("iris", c.adjustmentId())).isNull();
    }

    @Test
    void aRecountThroughItsTaskThatFindsWhatTheLedgerHasClosesTheConflict() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        Conflicted c = conflicted(f);
        String task = f.taskOf("pavel", c.adjustmentId()).get("id").asText();
        assertThat(f.claim("pavel", task).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> recount = f.post("pavel", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "countedQuantity": 10, "uom": "EA", "countTaskId": "%s"}"""
                .formatted(f.location, f.sku, task));
        assertThat(recount.getStatusCode().value()).as("%s", recount.getBody()).isEqualTo(201);
        assertThat(recount.getBody().get("adjustmentId").asText()).isEqualTo(c.adjustmentId());
        assertThat(recount.getBody().at("/decision/outcome").asText()).isEqualTo("NO_VARIANCE");

        JsonNode a = f.adjustment(c.adjustmentId());
        assertThat(a.get("status").asText()).isEqualTo("CLOSED");
        assertThat(a.get("movementId").isNull()).isTrue();
        assertThat(f.onHand()).isEqualByComparingTo("10");
        assertThat(adjustmentMovements(f)).as("nothing was posted").isEmpty();
        assertThat(f.taskOf("pavel", c.adjustmentId())).isNull();
    }

    /**
     * A manual request that conflicted and was recounted rests on that recount: a late posting back-dated before the
     * recount changes its variance, and the last approval decides again instead of posting the stale delta. It keeps
     * the requester's reason code throughout (its GL account), which the ledger's ADJUSTMENT movement carries.
     */
    @Test
    void aRecountedManualRequestIsCheckedAgainBeforePostingAndKeepsItsReasonCode() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "10.00", false, 2000);
        // -60 × 10.00 = 600.00: outside C's 500.00, so a controller approves
        ResponseEntity<JsonNode> request = f.post("ivan", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": -60, "reasonCode": "COUNT_ERROR",
                 "note": "miscounted at putaway"}""".formatted(f.location, f.sku));
        assertThat(request.getStatusCode().value()).as("%s", request.getBody()).isEqualTo(201);
        String id = request.getBody().get("id").asText();
        assertThat(request.getBody().at("/decision/approverRoles").toString()).isEqualTo("[\"INVENTORY_CONTROLLER\"]");
        f.move("ISSUE", 1990, f.location, null, Instant.now());
        approve(f, "iris", id);
        assertThat(f.adjustment(id).get("status").asText()).as("-60 of 10 is refused").isEqualTo("CONFLICT");

        // olga recounts: 150 where the ledger has 10, +140 × 10.00 = 1400.00 needs finance after the controller
        String task = f.taskOf("olga", id).get("id").asText();
        Instant recountTime = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ResponseEntity<JsonNode> recount = f.post("olga", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "countedQuantity": 150, "uom": "EA", "countTaskId": "%s",
                 "eventTime": "%s"}""".formatted(f.location, f.sku, task, recountTime));
        assertThat(recount.getStatusCode().value()).as("%s", recount.getBody()).isEqualTo(201);
        JsonNode a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(a.get("quantityDelta").decimalValue()).isEqualByComparingTo("140");
        assertThat(a.get("reasonCode").asText()).as("the requester's reason, not FOUND").isEqualTo("COUNT_ERROR");
        assertThat(a.at("/decision/approverRoles").toString()).isEqualTo("[\"INVENTORY_CONTROLLER\",\"FINANCE\"]");

        // a return of 40 from before the recount is posted only now: +100 × 10.00 = 1000.00 needs only the
        // controller, who approved already
        f.move("RECEIPT", 40, null, f.location, recountTime);
        approve(f, "fiona", id);

        a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("POSTED");
        assertThat(a.get("quantityDelta").decimalValue()).as("decided again on the recount")
                .isEqualByComparingTo("100");
        assertThat(a.get("reasonCode").asText()).isEqualTo("COUNT_ERROR");
        assertThat(f.onHand()).as("what olga counted").isEqualByComparingTo("150");
        List<JsonNode> adjustments = adjustmentMovements(f);
        assertThat(adjustments).hasSize(1);
        assertThat(adjustments.get(0).get("quantity").decimalValue()).isEqualByComparingTo("100");
        assertThat(adjustments.get(0).get("reasonCode").asText()).isEqualTo("COUNT_ERROR");
    }

    /** Counted by olga, recounted by omar (-40 of 2300), approved by ivan after nearly everything was issued. */
    private record Conflicted(String adjustmentId, String firstCountId) {
    }

    private Conflicted conflicted(AdjustmentFixture f) {
        ResponseEntity<JsonNode> first = f.count("olga", "2260", "EA", countTime, null);
        String id = first.getBody().get("adjustmentId").asText();
        String firstCount = first.getBody().get("id").asText();
        assertThat(f.count("omar", "2260", "EA", countTime, firstCount).getBody().at("/decision/outcome").asText())
                .isEqualTo("APPROVE");
        // after the count, 2290 are issued: taking 40 now would go below zero
        f.move("ISSUE", 2290, f.location, null, Instant.now().minusSeconds(60));
        approve(f, "ivan", id);
        JsonNode a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("CONFLICT");
        assertThat(adjustmentMovements(f)).isEmpty();
        return new Conflicted(id, firstCount);
    }

    private List<JsonNode> adjustmentMovements(AdjustmentFixture f) {
        JsonNode ledger = Api.as(port, "ivan").get()
                .uri("/api/v1/movements?sku=" + f.sku + "&location=" + f.location).retrieve().body(JsonNode.class);
        List<JsonNode> found = new java.util.ArrayList<>();
        ledger.get("items").forEach(m -> {
            if (m.get("type").asText().equals("ADJUSTMENT")) {
                found.add(m);
            }
        });
        return found;
    }

    private void approve(AdjustmentFixture f, String user, String id) {
        JsonNode task = f.taskOf(user, id);
        assertThat(task).as("%s is offered the approval of %s", user, id).isNotNull();
        ResponseEntity<JsonNode> r = f.complete(user, task.get("id").asText(), true, "ok");
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(204);
    }
}
