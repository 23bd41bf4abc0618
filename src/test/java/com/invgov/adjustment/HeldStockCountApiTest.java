package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A count that comes up short where the stock is on quality hold: DESIGN §5.1's CONFLICT, not a lost count. */
@IntegrationTest
class HeldStockCountApiTest {

    @LocalServerPort
    int port;

    @Test
    void aShortfallOfHeldStockIsKeptAsAConflictWithARecountAndPostsNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String sku = "T5H-" + suffix;
        String location = "P1-WH1-T5H-" + suffix;
        assertThat(put("/api/v1/items/" + sku, """
                {"description": "Held count item", "baseUom": "EA", "tracking": "LOT", "abcClass": "C",
                 "category": "TST", "unitCost": 0.26, "regulated": false}""")).isIn(200, 201);
        assertThat(put("/api/v1/locations/" + location, """
                {"warehouse": "P1-WH1", "type": "STOCK", "countable": true, "allowNegative": false}""")).isIn(200, 201);
        AdjustmentFixture f = AdjustmentFixture.at(port, sku, location);
        ResponseEntity<JsonNode> receipt = f.post("olga", "/api/v1/movements", """
                {"type": "RECEIPT", "sku": "%s", "quantity": 100, "uom": "EA", "lot": "L1", "to": {"location": "%s"},
                 "eventTime": "%s"}""".formatted(sku, location, Instant.now().minus(2, ChronoUnit.DAYS)));
        assertThat(receipt.getStatusCode().value()).as("%s", receipt.getBody()).isEqualTo(201);
        ResponseEntity<JsonNode> hold = f.post("quinn", "/api/v1/quality-holds", """
                {"sku": "%s", "lot": "L1", "reason": "corrosion"}""".formatted(sku));
        assertThat(hold.getStatusCode().value()).as("%s", hold.getBody()).isEqualTo(201);

        // 98 on the shelf: a small C variance, decided AUTO_APPROVE, but nothing AVAILABLE to write off
        ResponseEntity<JsonNode> counted = f.post("olga", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "lot": "L1", "countedQuantity": 98, "uom": "EA"}"""
                .formatted(location, sku));
        assertThat(counted.getStatusCode().value()).as("%s", counted.getBody()).isEqualTo(201);
        assertThat(counted.getBody().at("/decision/outcome").asText()).isEqualTo("AUTO_APPROVE");
        String adjustment = counted.getBody().get("adjustmentId").asText();
        assertThat(f.adjustment(adjustment).get("status").asText()).isEqualTo("CONFLICT");
        assertThat(f.taskOf("pavel", adjustment)).as("a recount for another operator").isNotNull();
        assertThat(f.taskOf("olga", adjustment)).isNull();
        assertThat(f.onHand()).isEqualByComparingTo("100");
    }

    private int put(String path, String body) {
        return Api.as(port, "ada").put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class).getStatusCode().value();
    }
}
