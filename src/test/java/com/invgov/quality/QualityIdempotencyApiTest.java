package com.invgov.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried quality call with its Idempotency-Key answers as the first did and posts nothing twice (DESIGN §6). */
@IntegrationTest
class QualityIdempotencyApiTest {

    static final String LOC = "P1-WH1-A-03-03";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRetriedHoldAndDispositionPostOnceAndAnotherBodyUnderTheSameKeyIsAConflict() {
        String sku = newItem(false);
        String lot = "I" + UUID.randomUUID().toString().substring(0, 6);
        receive(sku, lot, 100);
        String holdKey = "hold-" + UUID.randomUUID();
        String holdBody = "{\"sku\": \"%s\", \"lot\": \"%s\", \"reason\": \"x\"}".formatted(sku, lot);
        ResponseEntity<JsonNode> hold = post("quinn", "/api/v1/quality-holds", holdKey, holdBody);
        assertThat(hold.getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> holdAgain = post("quinn", "/api/v1/quality-holds", holdKey, holdBody);
        assertThat(holdAgain.getStatusCode().value()).isEqualTo(201);
        assertThat(holdAgain.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(holdAgain.getBody().get("id").asText()).isEqualTo(hold.getBody().get("id").asText());
        assertThat(jdbc.sql("SELECT count(*) FROM quality_hold WHERE sku = ?").param(sku).query(Integer.class)
                .single()).isEqualTo(1);

        String path = "/api/v1/quality-holds/" + hold.getBody().get("id").asText() + "/dispositions";
        String line = hold.getBody().at("/lines/0/id").asText();
        String key = "disp-" + UUID.randomUUID();
        String body = "{\"lineId\": \"%s\", \"disposition\": \"RELEASE\", \"quantity\": 10}".formatted(line);
        ResponseEntity<JsonNode> first = post("quinn", path, key, body);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> retry = post("quinn", path, key, body);
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody().get("dispositions")).hasSize(1);
        assertThat(retry.getBody().at("/lines/0/remaining").decimalValue()).isEqualByComparingTo("90");
        assertThat(jdbc.sql("SELECT count(*) FROM quality_disposition WHERE hold_id = ?")
                .param(Long.parseLong(hold.getBody().get("id").asText())).query(Integer.class).single()).isEqualTo(1);
        assertThat(stock(sku, "AVAILABLE")).isEqualByComparingTo("10");

        ResponseEntity<JsonNode> other = post("quinn", path, key,
                "{\"lineId\": \"%s\", \"disposition\": \"RELEASE\", \"quantity\": 20}".formatted(line));
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getBody().get("type").asText()).endsWith("/idempotency-conflict");
        assertThat(stock(sku, "AVAILABLE")).isEqualByComparingTo("10");
    }

    @Test
    void aRetriedMrbDecisionCountsOnceAndARejectionNeedsAComment() {
        String sku = newItem(true);
        String lot = "J" + UUID.randomUUID().toString().substring(0, 6);
        receive(sku, lot, 10);
        JsonNode hold = post("quinn", "/api/v1/quality-holds", "h-" + UUID.randomUUID(),
                "{\"sku\": \"%s\", \"lot\": \"%s\", \"reason\": \"x\"}".formatted(sku, lot)).getBody();
        JsonNode pending = post("quinn", "/api/v1/quality-holds/" + hold.get("id").asText() + "/dispositions",
                "d-" + UUID.randomUUID(), "{\"lineId\": \"%s\", \"disposition\": \"RELEASE\", \"quantity\": 10}"
                        .formatted(hold.at("/lines/0/id").asText())).getBody();
        String mrb = "/api/v1/dispositions/" + pending.at("/dispositions/0/id").asText() + "/mrb-approval";

        ResponseEntity<JsonNode> bare = post("ivan", mrb, "m-" + UUID.randomUUID(), "{\"approved\": false}");
        assertThat(bare.getStatusCode().value()).isEqualTo(422);
        assertThat(bare.getBody().get("errors").findValuesAsText("field")).contains("comment");
        assertThat(post("ivan", mrb, "m-" + UUID.randomUUID(), "{\"approved\": false, \"comment\": \" \"}")
                .getStatusCode().value()).isEqualTo(422);

        String key = "m-" + UUID.randomUUID();
        ResponseEntity<JsonNode> approved = post("ivan", mrb, key, "{\"approved\": true}");
        assertThat(approved.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> retry = post("ivan", mrb, key, "{\"approved\": true}");
        assertThat(retry.getStatusCode().value()).as("the first answer, not a segregation-of-duties refusal")
                .isEqualTo(200);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody().at("/dispositions/0/approvals")).hasSize(1);
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("10");
    }

    // ---- helpers

    private void receive(String sku, String lot, int quantity) {
        ResponseEntity<JsonNode> r = post("olga", "/api/v1/movements", "r-" + UUID.randomUUID(), """
                {"type": "RECEIPT", "sku": "%s", "quantity": %d, "uom": "EA", "lot": "%s", "to": {"location": "%s"}}"""
                .formatted(sku, quantity, lot, LOC));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    }

    private String newItem(boolean regulated) {
        String sku = "QI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = Api.as(port, "ada").put().uri("/api/v1/items/" + sku)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"description": "Idempotency test part", "baseUom": "EA", "tracking": "LOT", "abcClass": "B",
                         "category": "TST", "unitCost": 2.50, "regulated": %s}""".formatted(regulated))
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
        return sku;
    }

    private ResponseEntity<JsonNode> post(String user, String path, String key, String body) {
        return Api.as(port, user).post().uri(path).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private BigDecimal stock(String sku, String status) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND status = ?")
                .params(sku, status).query(BigDecimal.class).single();
    }
}
