package com.invgov.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.invgov.production.ProductionFixture.LINE_SIDE;
import static com.invgov.production.ProductionFixture.STAGING;
import static org.assertj.core.api.Assertions.assertThat;

/** Opening and listing production orders, and a recall that reaches serial-numbered products. */
@IntegrationTest
class ProductionOrdersApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ProductionFixture f;

    @BeforeEach
    void setUp() {
        f = new ProductionFixture(port, jdbc);
    }

    @Test
    void aRetriedOrderOpensOneOrderAndAnotherBodyUnderTheSameKeyIsAConflict() {
        String product = f.item("ASM", "LOT", "40.00", null);
        f.bomLine(product, 1, f.item("BLT", "LOT", "0.50", null), "1", "EA", "MANUAL");
        String key = "mo-" + UUID.randomUUID();
        String body = "{\"sku\": \"%s\", \"bomRevision\": \"A\", \"quantity\": 5}".formatted(product);
        ResponseEntity<JsonNode> first = post("petra", "/api/v1/production-orders", key, body);
        ResponseEntity<JsonNode> again = post("petra", "/api/v1/production-orders", key, body);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(again.getBody().get("id").asText()).isEqualTo(first.getBody().get("id").asText());
        ResponseEntity<JsonNode> other = post("petra", "/api/v1/production-orders", key, body.replace("5}", "6}"));
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getBody().get("type").asText()).endsWith("/idempotency-conflict");
        assertThat(jdbc.sql("SELECT count(*) FROM production_order WHERE sku = ?").param(product)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aSupersededRevisionAndAFractionOfASerialNumberedItemAreRefused() {
        ResponseEntity<JsonNode> superseded = post("petra", "/api/v1/production-orders", "mo-" + UUID.randomUUID(),
                "{\"sku\": \"ASM-0001\", \"bomRevision\": \"A\", \"quantity\": 1}");
        assertThat(superseded.getStatusCode().value()).isEqualTo(422);
        assertThat(superseded.getBody().at("/errors/0/field").asText()).isEqualTo("bomRevision");
        assertThat(superseded.getBody().at("/errors/0/message").asText()).contains("SUPERSEDED", "current: B");

        String pump = f.item("PMP", "SERIAL", "900.00", null);
        f.bomLine(pump, 1, f.item("MOT", "SERIAL", "300.00", null), "1", "EA", "BACKFLUSH");
        ResponseEntity<JsonNode> half = post("petra", "/api/v1/production-orders", "mo-" + UUID.randomUUID(),
                "{\"sku\": \"%s\", \"bomRevision\": \"A\", \"quantity\": 1.5}".formatted(pump));
        assertThat(half.getStatusCode().value()).isEqualTo(422);
        assertThat(half.getBody().at("/errors/0/field").asText()).isEqualTo("quantity");
        assertThat(post("petra", "/api/v1/production-orders", "mo-" + UUID.randomUUID(),
                "{\"sku\": \"%s\", \"bomRevision\": \"A\", \"quantity\": 2.000}".formatted(pump))
                .getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void theOrderListPagesByCursorAndRefusesAnUnknownStatus() {
        String product = f.item("ASM", "LOT", "40.00", null);
        f.bomLine(product, 1, f.item("BLT", "LOT", "0.50", null), "1", "EA", "MANUAL");
        for (int i = 0; i < 3; i++) {
            f.order(product, 1, null);
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            JsonNode body = f.get("olga", "/api/v1/production-orders?status=OPEN&limit=2"
                    + (after == null ? "" : "&after=" + after)).getBody();
            assertThat(body.get("items").size()).isLessThanOrEqualTo(2);
            body.get("items").forEach(o -> seen.add(o.get("id").asText()));
            after = body.get("next").isNull() ? null : body.get("next").asText();
            if (after == null) {
                break;
            }
        }
        assertThat(after).as("the last page has no next").isNull();
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(jdbc.sql("SELECT id::text FROM production_order WHERE sku = ?").param(product)
                .query(String.class).list());
        assertThat(seen.stream().map(Long::parseLong).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        ResponseEntity<JsonNode> bad = f.get("olga", "/api/v1/production-orders?status=DONE");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().at("/errors/0/field").asText()).isEqualTo("status");
        assertThat(f.get("olga", "/api/v1/production-orders?limit=1001").getStatusCode().value()).isEqualTo(400);
        assertThat(f.get("olga", "/api/v1/production-orders?after=nonsense").getStatusCode().value()).isEqualTo(400);
        assertThat(f.get("olga", "/api/v1/quality-holds?status=SHUT").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aRecallOfAComponentLotHoldsTheSerialNumberedProductsMadeFromIt() {
        String product = f.item("PMP", "SERIAL", "900.00", null);
        String steel = f.item("STL", "LOT", "3.00", null);
        f.bomLine(product, 1, steel, "11", "EA", "BACKFLUSH");
        String lot = "L" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        f.stock(steel, lot, null, 50, LINE_SIDE, null);
        String mo = f.order(product, 3, null);
        String s1 = "S1-" + lot;
        String s2 = "S2-" + lot;
        String s3 = "S3-" + lot;
        ResponseEntity<JsonNode> done = f.post("olga", "/api/v1/production-orders/" + mo + "/completions", """
                {"quantity": 3, "uom": "EA", "serials": ["%s", "%s", "%s"], "location": "%s", "backflush": true}"""
                .formatted(s1, s2, s3, STAGING));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(201);
        assertThat(ship(product, s1).getStatusCode().value()).isEqualTo(201);

        ResponseEntity<JsonNode> recall = post("quinn", "/api/v1/recalls", "rc-" + UUID.randomUUID(), """
                {"sku": "%s", "lot": "%s", "reason": "wrong alloy"}""".formatted(steel, lot));

        assertThat(recall.getStatusCode().value()).as(String.valueOf(recall.getBody())).isEqualTo(201);
        assertThat(recall.getBody().get("holds").findValuesAsText("lot")).contains(lot);
        List<String> heldSerials = new ArrayList<>();
        recall.getBody().get("holds").forEach(h -> {
            if (h.hasNonNull("serial")) {
                heldSerials.add(h.get("serial").asText());
            }
        });
        assertThat(heldSerials).as("the shipped one is listed, not held").containsExactlyInAnyOrder(s2, s3);
        assertThat(recall.getBody().get("shipments").findValuesAsText("serial")).containsExactly(s1);
        ResponseEntity<JsonNode> shipHeld = ship(product, s2);
        assertThat(shipHeld.getStatusCode().value()).as(String.valueOf(shipHeld.getBody())).isEqualTo(409);
        assertThat(shipHeld.getBody().get("type").asText()).endsWith("/stock-on-hold");
        assertThat(jdbc.sql("SELECT count(*) FROM balance WHERE sku = ? AND status = 'QUARANTINE' AND quantity > 0")
                .param(product).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aRecallTrimsTheLotAsAHoldDoesAndARecallThatHoldsNothingIsRefused() {
        String steel = f.item("STL", "LOT", "3.00", null);
        String lot = "L" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        f.stock(steel, lot, null, 20, LINE_SIDE, null);

        ResponseEntity<JsonNode> nothing = post("quinn", "/api/v1/recalls", "rc-" + UUID.randomUUID(), """
                {"sku": "%s", "lot": "%s-X", "reason": "wrong alloy"}""".formatted(steel, lot));
        assertThat(nothing.getStatusCode().value()).as(String.valueOf(nothing.getBody())).isEqualTo(409);
        assertThat(nothing.getBody().get("type").asText()).endsWith("/conflict");
        assertThat(nothing.getBody().get("detail").asText()).contains("Nothing to recall", lot + "-X");
        assertThat(jdbc.sql("SELECT count(*) FROM quality_hold WHERE sku = ?").param(steel).query(Integer.class)
                .single()).isZero();

        ResponseEntity<JsonNode> spaced = post("quinn", "/api/v1/recalls", "rc-" + UUID.randomUUID(), """
                {"sku": "%s", "lot": " %s ", "reason": "wrong alloy"}""".formatted(steel, lot));
        assertThat(spaced.getStatusCode().value()).as(String.valueOf(spaced.getBody())).isEqualTo(201);
        assertThat(spaced.getBody().get("lot").asText()).isEqualTo(lot);
        assertThat(spaced.getBody().get("holds").findValuesAsText("lot")).containsExactly(lot);
        assertThat(jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND lot = ? AND status = ?")
                .params(steel, lot, "QUARANTINE").query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("20");
    }

    private ResponseEntity<JsonNode> ship(String sku, String serial) {
        return f.post("mes", "/api/v1/movements", """
                {"type": "SHIP", "sku": "%s", "quantity": 1, "uom": "EA", "serial": "%s", "from": {"location": "%s"},
                 "reference": "SO-R"}""".formatted(sku, serial, STAGING));
    }

    private ResponseEntity<JsonNode> post(String user, String path, String key, String body) {
        return Api.as(port, user).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).body(body).retrieve().toEntity(JsonNode.class);
    }
}
