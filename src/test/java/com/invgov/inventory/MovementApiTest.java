package com.invgov.inventory;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MovementApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void transferInBoxesMovesPiecesAndIsReplayedForTheSameKey() {
        RestClient olga = Api.as(port, "olga");
        BigDecimal before = quantity("FAS-00001", "P1-WH1-STG");
        String key = "t-" + UUID.randomUUID();
        String body = """
                {"type": "TRANSFER", "sku": "FAS-00001", "quantity": 2, "uom": "BOX", "lot": null,
                 "from": {"location": "P1-WH1-A-03-03", "status": "AVAILABLE"},
                 "to":   {"location": "P1-WH1-STG",     "status": "AVAILABLE"},
                 "reference": "MO-1001", "reasonCode": null, "eventTime": "2026-11-01T07:42:00Z"}""";
        ResponseEntity<JsonNode> first = post(olga, "/api/v1/movements", key, body);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getBody().get("quantity").decimalValue()).isEqualByComparingTo("200");
        assertThat(first.getBody().get("uom").asText()).isEqualTo("EA");
        assertThat(first.getBody().get("enteredQuantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(first.getBody().get("enteredUom").asText()).isEqualTo("BOX");
        assertThat(first.getBody().get("postedBy").asText()).isEqualTo("olga");
        assertThat(quantity("FAS-00001", "P1-WH1-STG")).isEqualByComparingTo(before.add(new BigDecimal(200)));

        ResponseEntity<JsonNode> again = post(olga, "/api/v1/movements", key, body.replace("\n", " "));
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(quantity("FAS-00001", "P1-WH1-STG")).isEqualByComparingTo(before.add(new BigDecimal(200)));
    }

    @Test
    void aClientsKeyNeverNamesAnotherPostingsMovement() {
        RestClient olga = Api.as(port, "olga");
        String transfer = """
                {"type": "TRANSFER", "sku": "FAS-00001", "quantity": %d, "uom": "EA",
                 "from": {"location": "P1-WH1-A-03-03"}, "to": {"location": "P1-WH1-STG"}}""";
        String key = "k-" + UUID.randomUUID();
        ResponseEntity<JsonNode> batch = post(olga, "/api/v1/movements/batch", key,
                "{\"movements\": [" + transfer.formatted(1) + ", " + transfer.formatted(2) + "]}");
        assertThat(batch.getStatusCode().value()).isEqualTo(201);
        BigDecimal before = quantity("FAS-00001", "P1-WH1-STG");

        // the batch's movements are kept under <key>#0, <key>#1 in the ledger: a single movement with the key "<key>#0"
        // is another request, and is posted
        ResponseEntity<JsonNode> single = post(olga, "/api/v1/movements", key + "#0", transfer.formatted(3));
        assertThat(single.getStatusCode().value()).isEqualTo(201);
        assertThat(single.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(single.getBody().get("id")).isNotIn(batch.getBody().at("/items/0/id"), batch.getBody().at("/items/1/id"));
        assertThat(single.getBody().get("quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(quantity("FAS-00001", "P1-WH1-STG")).isEqualByComparingTo(before.add(new BigDecimal(3)));

        // and a key shaped like a module's own ("receipt:…") names nothing of that module's
        String receiptShaped = "receipt:" + UUID.randomUUID();
        assertThat(post(olga, "/api/v1/movements", receiptShaped, transfer.formatted(1)).getStatusCode().value())
                .isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM movement WHERE idempotency_key = ?").param(receiptShaped)
                .query(Integer.class).single()).isZero();
    }

    private ResponseEntity<JsonNode> post(RestClient client, String path, String key, String body) {
        return client.post().uri(path).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    private BigDecimal quantity(String sku, String location) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND location = ?")
                .params(sku, location).query(BigDecimal.class).single();
    }
}
