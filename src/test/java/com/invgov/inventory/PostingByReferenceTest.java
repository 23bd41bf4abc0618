package com.invgov.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox and the idempotency keys keep movements by reference (the ledger row), not as copies: a replay still
 * answers exactly the first response, the ledger shows exactly what the posting answered, and the event feed
 * carries the whole movement — on the one-statement posting path and on the general one (new lots).
 */
@IntegrationTest
class PostingByReferenceTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aReplayAnswersTheFirstResponseByteForByteAndTheLedgerShowsTheSame() throws Exception {
        RestClient olga = Api.as(port, "olga");
        String key = "r-" + UUID.randomUUID();
        // entered as 0.50 BOX with a nanosecond event time: what is answered is what the ledger keeps
        String body = """
                {"type": "TRANSFER", "sku": "FAS-00001", "quantity": 0.50, "uom": "BOX",
                 "from": {"location": "P1-WH1-A-03-03"}, "to": {"location": "P1-WH1-STG"},
                 "reference": "MO-REF", "eventTime": "2026-11-01T07:42:00.123456789Z", "sourceSystem": "MES"}""";
        ResponseEntity<String> first = post(olga, "/api/v1/movements", key, body);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        JsonNode movement = json.readTree(first.getBody());
        assertThat(movement.get("quantity").decimalValue()).isEqualByComparingTo("50");
        assertThat(movement.get("enteredQuantity").asText()).isEqualTo("0.5");
        assertThat(movement.get("eventTime").asText()).isEqualTo("2026-11-01T07:42:00.123456Z");

        ResponseEntity<String> again = post(olga, "/api/v1/movements", key, body.replace("0.50", "0.5"));
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(movementRows("api:" + key)).isEqualTo(1);

        ResponseEntity<String> shown = olga.get().uri("/api/v1/movements/" + movement.get("id").asText())
                .retrieve().toEntity(String.class);
        assertThat(json.readTree(shown.getBody())).isEqualTo(movement);

        ResponseEntity<String> changed = post(olga, "/api/v1/movements", key, body.replace("0.50", "0.60"));
        assertThat(changed.getStatusCode().value()).isEqualTo(422);
        assertThat(changed.getBody()).contains("idempotency-conflict");
        assertThat(movementRows("api:" + key)).isEqualTo(1);

        // the key keeps a reference, not a copy of the movement
        assertThat(jdbc.sql("SELECT body IS NULL AND body_ref IS NOT NULL FROM idempotency_key WHERE key = ?")
                .param(key).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aBatchReplayAnswersTheFirstResponse() {
        RestClient mes = Api.as(port, "mes");
        String key = "rb-" + UUID.randomUUID();
        List<String> movements = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            movements.add("""
                    {"type": "RECEIPT", "sku": "NUT-00002", "quantity": %d, "uom": "EA", "to": {"location": "P1-WH1-DOCK"}}"""
                    .formatted(i + 1));
        }
        String body = "{\"movements\": [" + String.join(",", movements) + "]}";
        ResponseEntity<String> first = post(mes, "/api/v1/movements/batch", key, body);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> again = post(mes, "/api/v1/movements/batch", key, body);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(post(mes, "/api/v1/movements/batch", key, body.replace("\"quantity\": 5", "\"quantity\": 6"))
                .getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void theEventFeedCarriesTheWholeMovementOnBothPostingPaths() throws Exception {
        RestClient mes = Api.as(port, "mes");
        String cursor = Api.endOfEvents(mes);
        // a transfer (one statement) and a receipt of a new lot (the general path: the lot is created first)
        ResponseEntity<String> transfer = post(mes, "/api/v1/movements", "ev-" + UUID.randomUUID(), """
                {"type": "TRANSFER", "sku": "FAS-00001", "quantity": 7, "uom": "EA",
                 "from": {"location": "P1-WH1-A-03-03"}, "to": {"location": "P1-WH1-STG"}, "reference": "EV-1"}""");
        String lot = "L-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> receipt = post(mes, "/api/v1/movements", "ev-" + UUID.randomUUID(), """
                {"type": "RECEIPT", "sku": "CAB-00003", "quantity": 1, "uom": "REEL", "lot": "%s",
                 "to": {"location": "P1-WH1-DOCK"}, "reference": "PO-EV"}""".formatted(lot));
        assertThat(transfer.getStatusCode().value()).isEqualTo(201);
        assertThat(receipt.getStatusCode().value()).isEqualTo(201);

        JsonNode events = json.readTree(mes.get().uri("/api/v1/events?after=" + cursor).retrieve().body(String.class));
        assertThat(events.get("items")).hasSize(2);
        assertThat(events.get("items").get(0).get("payload")).isEqualTo(json.readTree(transfer.getBody()));
        assertThat(events.get("items").get(1).get("payload")).isEqualTo(json.readTree(receipt.getBody()));
        assertThat(events.get("items").get(1).get("payload").get("lot").asText()).isEqualTo(lot);
        assertThat(events.get("items").get(1).get("payload").get("quantity").decimalValue()).isEqualByComparingTo("500");
    }

    @Test
    void aRefusalOnTheOneStatementPathPostsNothingAndIsReplayed() {
        RestClient mes = Api.as(port, "mes");
        String cursor = Api.endOfEvents(mes);
        String key = "rf-" + UUID.randomUUID();
        String body = """
                {"type": "TRANSFER", "sku": "FAS-00001", "quantity": 999999999, "uom": "EA",
                 "from": {"location": "P1-WH1-A-03-03"}, "to": {"location": "P1-WH1-STG"}}""";
        ResponseEntity<String> refused = post(mes, "/api/v1/movements", key, body);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        ResponseEntity<String> again = post(mes, "/api/v1/movements", key, body);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(refused.getBody());
        assertThat(movementRows("api:" + key)).isZero();
        assertThat(mes.get().uri("/api/v1/events?after=" + cursor).retrieve().body(JsonNode.class).get("items"))
                .isEmpty();
    }


    @Test
    void aNodeOfThePreviousReleaseStillPostsThroughTheFunctionItCalls() {
        // during a rolling update, nodes of the previous release call the 26-argument post_movement (V55)
        String key = "old-" + UUID.randomUUID();
        BigDecimal from = available("P1-WH1-A-03-03");
        BigDecimal to = available("P1-WH1-STG");
        Long id = jdbc.sql("""
                        SELECT movement_id FROM post_movement('TRANSFER', 'FAS-00001', 2, 2, 'EA', '', '', 'P1-WH1-A-03-03',
                          'AVAILABLE', 'P1-WH1-STG', 'AVAILABLE', 'OLD-NODE', NULL, 'olga', NULL, ?, now(), now(),
                          ARRAY['FAS-00001', 'FAS-00001'], ARRAY['P1-WH1-A-03-03', 'P1-WH1-STG'], ARRAY['', ''],
                          ARRAY['', ''], ARRAY['AVAILABLE', 'AVAILABLE'], ARRAY[-2, 2]::numeric[], ARRAY[0, 0]::numeric[],
                          ARRAY[false, false])""")
                .param(key).query(Long.class).single();
        assertThat(id).isNotNull();
        assertThat(movementRows(key)).isEqualTo(1);
        assertThat(available("P1-WH1-A-03-03")).isEqualByComparingTo(from.subtract(BigDecimal.valueOf(2)));
        assertThat(available("P1-WH1-STG")).isEqualByComparingTo(to.add(BigDecimal.valueOf(2)));
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE type = 'MovementPosted' AND subject_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single()).isOne();
    }

    private BigDecimal available(String location) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = 'FAS-00001' AND location = ? "
                + "AND status = 'AVAILABLE'").param(location).query(BigDecimal.class).single();
    }

    /** Movements the ledger keeps under {@code key} (a client's key of a single movement is kept as "api:<key>"). */
    private int movementRows(String key) {
        return jdbc.sql("SELECT count(*) FROM movement WHERE idempotency_key = ?").param(key).query(Integer.class).single();
    }

    private ResponseEntity<String> post(RestClient client, String path, String key, String body) {
        return client.post().uri(path).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(String.class);
    }
}
