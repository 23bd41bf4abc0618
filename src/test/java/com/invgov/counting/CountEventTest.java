package com.invgov.counting;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.adjustment.AdjustmentRejected;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event counts (DESIGN §5.2) from the real events: a posting refused for insufficient stock, a balance reaching zero,
 * a rejected adjustment each ask for a count of the pair the next day, ahead of scheduled counts.
 */
@IntegrationTest
class CountEventTest {

    static final String LOCATION = "P1-WH1-A-01-01";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ApplicationEventPublisher publisher;

    @BeforeEach
    @AfterEach
    void cleanSlate() {
        CountPlanFixture.forgetAllPlans(jdbc, runtime);
    }

    @Test
    void aRefusedPostingAndAZeroBalanceAreCountedTheNextDayEvenWithNoStockLeft() {
        String sku = newItem();
        assertThat(movement("RECEIPT", sku, 10, "\"to\": {\"location\": \"" + LOCATION + "\"}").getStatusCode()
                .value()).isEqualTo(201);
        assertThat(events(sku)).isEmpty();

        assertThat(movement("ISSUE", sku, 11, "\"from\": {\"location\": \"" + LOCATION + "\"}").getStatusCode()
                .value()).isEqualTo(409);
        assertThat(events(sku)).containsExactly("INSUFFICIENT_STOCK_REFUSED");

        assertThat(movement("ISSUE", sku, 4, "\"from\": {\"location\": \"" + LOCATION + "\"}").getStatusCode()
                .value()).isEqualTo(201);
        assertThat(events(sku)).as("6 left: no zero confirmation").containsExactly("INSUFFICIENT_STOCK_REFUSED");
        assertThat(movement("ISSUE", sku, 6, "\"from\": {\"location\": \"" + LOCATION + "\"}").getStatusCode()
                .value()).isEqualTo(201);
        assertThat(events(sku)).containsExactlyInAnyOrder("INSUFFICIENT_STOCK_REFUSED", "ZERO_CONFIRMATION");

        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        JsonNode plans = Api.as(port, "ivan").post().uri("/api/v1/count-plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("day", tomorrow.toString())).retrieve().body(JsonNode.class);
        JsonNode line = CycleCountProcessTest.line(plans, sku, LOCATION);
        assertThat(line.get("reason").asText()).isEqualTo("ZERO_CONFIRMATION");
        assertThat(line.get("priority").asInt()).as("event counts come first").isOne();
        assertThat(line.get("dueDate").asText()).isEqualTo(tomorrow.toString());
    }

    @Test
    void aBatchThatEmptiesAPairAsksForOneZeroConfirmation() {
        String sku = newItem();
        assertThat(movement("RECEIPT", sku, 10, "\"to\": {\"location\": \"" + LOCATION + "\"}").getStatusCode()
                .value()).isEqualTo(201);
        String issue = """
                {"type": "ISSUE", "sku": "%s", "quantity": %d, "uom": "EA", "from": {"location": "%s"}}""";
        ResponseEntity<JsonNode> batch = Api.as(port, "olga").post().uri("/api/v1/movements/batch")
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"movements\": [" + issue.formatted(sku, 3, LOCATION) + ", " + issue.formatted(sku, 7, LOCATION)
                        + "]}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(batch.getStatusCode().value()).as("%s", batch.getBody()).isEqualTo(201);
        assertThat(events(sku)).containsExactly("ZERO_CONFIRMATION");
    }

    @Test
    void aRejectedAdjustmentAsksForACount() {
        String sku = newItem();
        publisher.publishEvent(new AdjustmentRejected(UUID.randomUUID().toString(), sku, LOCATION, null,
                Instant.now()));
        assertThat(events(sku)).containsExactly("ADJUSTMENT_REJECTED");
        // not at a countable STOCK location: no event count
        publisher.publishEvent(new AdjustmentRejected(UUID.randomUUID().toString(), sku, "P1-WH1-DOCK", null,
                Instant.now()));
        assertThat(events(sku)).containsExactly("ADJUSTMENT_REJECTED");
    }

    private java.util.List<String> events(String sku) {
        return jdbc.sql("SELECT reason FROM count_event WHERE sku = ? AND location = ? ORDER BY id")
                .params(sku, LOCATION).query(String.class).list();
    }

    private String newItem() {
        String sku = "CE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = Api.as(port, "ada").put().uri("/api/v1/items/" + sku)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"description": "Count event test part", "baseUom": "EA", "tracking": "NONE", "abcClass": "C",
                         "category": "TST", "unitCost": 1.00, "regulated": false}""")
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
        return sku;
    }

    private ResponseEntity<JsonNode> movement(String type, String sku, int quantity, String place) {
        return Api.as(port, "olga").post().uri("/api/v1/movements").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"type": "%s", "sku": "%s", "quantity": %d, "uom": "EA", %s, "reference": "CE-1"}"""
                        .formatted(type, sku, quantity, place))
                .retrieve().toEntity(JsonNode.class);
    }
}
