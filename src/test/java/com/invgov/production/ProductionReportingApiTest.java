package com.invgov.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.invgov.production.ProductionFixture.LINE_SIDE;
import static com.invgov.production.ProductionFixture.STAGING;
import static org.assertj.core.api.Assertions.assertThat;

/** Completions with backflush, scrap with a reason, and traceability by serial through the production API. */
@IntegrationTest
class ProductionReportingApiTest {

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
    void aCompletionBackflushesItsBomLinesFefoFromAvailableStockAndRecordsGenealogy() {
        String product = f.item("ASM", "LOT", "40.00", null);
        String bolt = f.item("BLT", "LOT", "0.50", "\"shelfLifeDays\": 100");
        String cable = f.item("CBL", "NONE", "0.10", "\"uomConversions\": [{\"uom\": \"BOX\", \"factor\": 10}]");
        String board = f.item("PCB", "LOT", "12.00", null);
        f.bomLine(product, 1, bolt, "2", "EA", "BACKFLUSH");
        f.bomLine(product, 2, cable, "1", "BOX", "BACKFLUSH");
        f.bomLine(product, 3, board, "1", "EA", "MANUAL");
        Instant now = Instant.now();
        String held = "HELD-" + suffix();
        String early = "EARLY-" + suffix();
        String late = "LATE-" + suffix();
        f.stock(bolt, held, null, 10, LINE_SIDE, now.minus(Duration.ofDays(90)));   // expires first, but held
        f.stock(bolt, early, null, 100, LINE_SIDE, now);                             // received first, expires last
        f.stock(bolt, late, null, 6, LINE_SIDE, now.minus(Duration.ofDays(60)));   // received later, expires earlier
        f.stock(cable, null, null, 100, LINE_SIDE, null);
        f.stock(board, "B1", null, 10, LINE_SIDE, null);
        assertThat(f.post("quinn", "/api/v1/quality-holds", """
                {"sku": "%s", "lot": "%s", "reason": "corroded"}""".formatted(bolt, held)).getStatusCode().value())
                .isEqualTo(201);

        String mo = f.order(product, 10, null);
        // held stock cannot be issued by hand either
        ResponseEntity<JsonNode> heldIssue = f.post("olga", "/api/v1/production-orders/" + mo + "/issues", """
                {"sku": "%s", "lot": "%s", "quantity": 1, "uom": "EA", "location": "%s"}"""
                .formatted(bolt, held, LINE_SIDE));
        assertThat(heldIssue.getStatusCode().value()).isEqualTo(409);
        assertThat(heldIssue.getBody().get("type").asText()).endsWith("/stock-on-hold");
        // a line issued by hand is only topped up: 2 of the 10 bolts five units need are in already
        assertThat(f.post("olga", "/api/v1/production-orders/" + mo + "/issues", """
                {"sku": "%s", "lot": "%s", "quantity": 2, "uom": "EA", "location": "%s"}"""
                .formatted(bolt, early, LINE_SIDE)).getStatusCode().value()).isEqualTo(201);
        assertThat(f.post("olga", "/api/v1/production-orders/" + mo + "/issues", """
                {"sku": "%s", "lot": "B1", "quantity": 5, "uom": "EA", "location": "%s"}"""
                .formatted(board, LINE_SIDE)).getStatusCode().value()).isEqualTo(201);

        String productLot = "PL-" + suffix();
        ResponseEntity<JsonNode> done = f.post("olga", "/api/v1/production-orders/" + mo + "/completions", """
                {"quantity": 5, "uom": "EA", "lot": "%s", "location": "%s", "backflush": true}"""
                .formatted(productLot, STAGING));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(201);
        assertThat(done.getBody().get("produced").decimalValue()).isEqualByComparingTo("5");
        List<String> backflushed = new ArrayList<>();
        for (JsonNode flow : done.getBody().get("flows")) {
            if (flow.get("backflush").asBoolean()) {
                backflushed.add(flow.get("sku").asText() + "/" + flow.get("lot").asText("") + "="
                        + flow.get("quantity").decimalValue().toPlainString());
            }
        }
        // bolts: 2 x 5 - 2 issued = 8, first-expiry-first: LATE (6) then EARLY (2), the held lot skipped;
        // cable: 1 BOX = 10 EA per unit; the MANUAL board line is not backflushed
        assertThat(backflushed).containsExactlyInAnyOrder(bolt + "/" + late + "=6", bolt + "/" + early + "=2",
                cable + "/=50");
        assertThat(f.balance(bolt, LINE_SIDE, late, "AVAILABLE")).isEqualByComparingTo("0");
        assertThat(f.balance(bolt, LINE_SIDE, early, "AVAILABLE")).isEqualByComparingTo("96");
        assertThat(f.balance(bolt, LINE_SIDE, held, "QUARANTINE")).isEqualByComparingTo("10");
        assertThat(f.balance(cable, LINE_SIDE, null, "AVAILABLE")).isEqualByComparingTo("50");
        assertThat(f.balance(board, LINE_SIDE, "B1", "AVAILABLE")).isEqualByComparingTo("5");
        assertThat(f.balance(product, STAGING, productLot, "AVAILABLE")).isEqualByComparingTo("5");
        assertThat(jdbc.sql("SELECT count(*) FROM movement WHERE type = 'ISSUE' AND reference = ? AND sku IN (?, ?)")
                .params("MO-" + mo, bolt, cable).query(Integer.class).single()).isEqualTo(4);

        JsonNode up = f.get("quinn", "/api/v1/trace?sku=" + product + "&lot=" + productLot).getBody();
        assertThat(up.get("upstream").findValuesAsText("lot")).contains(late, early, "B1");
        assertThat(up.get("upstream").findValuesAsText("sku")).contains(cable);
        JsonNode down = f.get("quinn", "/api/v1/trace?sku=" + bolt + "&lot=" + late).getBody();
        assertThat(down.get("downstream").findValuesAsText("lot")).containsExactly(productLot);

        // ten more would need 100 EA of cable; 50 are there: refused, nothing posted
        int before = f.movements(bolt) + f.movements(cable) + f.movements(product);
        ResponseEntity<JsonNode> short_ = f.post("olga", "/api/v1/production-orders/" + mo + "/completions", """
                {"quantity": 10, "uom": "EA", "lot": "PL2-%s", "location": "%s", "backflush": true}"""
                .formatted(suffix(), STAGING));
        assertThat(short_.getStatusCode().value()).isEqualTo(409);
        assertThat(short_.getBody().get("type").asText()).endsWith("/insufficient-stock");
        assertThat(short_.getBody().get("sku").asText()).isEqualTo(cable);
        assertThat(short_.getBody().get("requested").decimalValue()).isEqualByComparingTo("100");
        assertThat(short_.getBody().get("available").decimalValue()).isEqualByComparingTo("50");
        assertThat(f.movements(bolt) + f.movements(cable) + f.movements(product)).isEqualTo(before);
        assertThat(f.balance(bolt, LINE_SIDE, early, "AVAILABLE")).isEqualByComparingTo("96");

        // the choice is explicit: a completion without "backflush" is refused
        assertThat(f.post("olga", "/api/v1/production-orders/" + mo + "/completions", """
                {"quantity": 1, "uom": "EA", "lot": "PLX", "location": "%s"}""".formatted(STAGING))
                .getStatusCode().value()).isEqualTo(400);
        // without backflush only the product is posted
        int componentMovements = f.movements(bolt) + f.movements(cable);
        ResponseEntity<JsonNode> manual = f.post("olga", "/api/v1/production-orders/" + mo + "/completions", """
                {"quantity": 1, "uom": "EA", "lot": "PL3-%s", "location": "%s", "backflush": false,
                 "complete": true}""".formatted(suffix(), STAGING));
        assertThat(manual.getStatusCode().value()).isEqualTo(201);
        assertThat(manual.getBody().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(manual.getBody().get("produced").decimalValue()).isEqualByComparingTo("6");
        assertThat(f.movements(bolt) + f.movements(cable)).isEqualTo(componentMovements);
        assertThat(f.balance(bolt, LINE_SIDE, early, "AVAILABLE")).isEqualByComparingTo("96");
        assertThat(f.balance(cable, LINE_SIDE, null, "AVAILABLE")).isEqualByComparingTo("50");
    }

    @Test
    void scrapNeedsAKnownReasonAndPostsAScrapMovementAgainstTheOrder() {
        String product = f.item("ASM", "LOT", "40.00", null);
        String bolt = f.item("BLT", "LOT", "0.50", null);
        String stranger = f.item("XXX", "NONE", "1.00", null);
        f.bomLine(product, 1, bolt, "2", "EA", "MANUAL");
        String lot = "S-" + suffix();
        f.stock(bolt, lot, null, 50, LINE_SIDE, null);
        f.stock(stranger, null, null, 5, LINE_SIDE, null);
        String mo = f.order(product, 10, LINE_SIDE);
        String path = "/api/v1/production-orders/" + mo + "/scrap";
        String body = """
                {"sku": "%s", "lot": "%s", "quantity": 3, "uom": "EA", "location": "%s", "reasonCode": %s}""";

        assertThat(f.get("olga", "/api/v1/scrap-reasons").getBody().get("items")).extracting(JsonNode::asText)
                .containsExactly("DAMAGED", "SETUP", "QUALITY_REJECT", "EXPIRED");
        ResponseEntity<JsonNode> missing = f.post("olga", path, body.formatted(bolt, lot, LINE_SIDE, "null"));
        assertThat(missing.getStatusCode().value()).isEqualTo(422);
        assertThat(missing.getBody().at("/errors/0/field").asText()).isEqualTo("reasonCode");
        ResponseEntity<JsonNode> unknown = f.post("olga", path, body.formatted(bolt, lot, LINE_SIDE, "\"BORED\""));
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(unknown.getBody().at("/errors/0/field").asText()).isEqualTo("reasonCode");
        assertThat(unknown.getBody().at("/errors/0/message").asText()).contains("BORED", "SETUP");
        ResponseEntity<JsonNode> notOurs = f.post("olga", path, """
                {"sku": "%s", "quantity": 1, "uom": "EA", "location": "%s", "reasonCode": "SETUP"}"""
                .formatted(stranger, LINE_SIDE));
        assertThat(notOurs.getStatusCode().value()).isEqualTo(422);
        assertThat(notOurs.getBody().at("/errors/0/field").asText()).isEqualTo("sku");
        assertThat(f.post("quinn", path, body.formatted(bolt, lot, LINE_SIDE, "\"SETUP\"")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(f.balance(bolt, LINE_SIDE, lot, "AVAILABLE")).isEqualByComparingTo("50");

        ResponseEntity<JsonNode> scrapped = f.post("olga", path, body.formatted(bolt, lot, LINE_SIDE, "\"SETUP\""));
        assertThat(scrapped.getStatusCode().value()).as(String.valueOf(scrapped.getBody())).isEqualTo(201);
        assertThat(scrapped.getBody().at("/scraps/0/reasonCode").asText()).isEqualTo("SETUP");
        assertThat(scrapped.getBody().at("/scraps/0/quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(f.balance(bolt, LINE_SIDE, lot, "AVAILABLE")).isEqualByComparingTo("47");
        JsonNode movement = f.get("olga", "/api/v1/movements/" + scrapped.getBody().at("/scraps/0/movementId")
                .asText()).getBody();
        assertThat(movement.get("type").asText()).isEqualTo("SCRAP");
        assertThat(movement.get("reasonCode").asText()).isEqualTo("SETUP");
        assertThat(movement.get("reference").asText()).isEqualTo("MO-" + mo);

        // scrap of the order's own item counts as the order's scrapped quantity
        String productLot = "P-" + suffix();
        f.post("olga", "/api/v1/production-orders/" + mo + "/completions", """
                {"quantity": 4, "uom": "EA", "lot": "%s", "location": "%s", "backflush": false}"""
                .formatted(productLot, STAGING));
        JsonNode after = f.post("olga", path, body.formatted(product, productLot, STAGING, "\"QUALITY_REJECT\""))
                .getBody();
        assertThat(after.get("scrapped").decimalValue()).isEqualByComparingTo("3");
        assertThat(after.get("produced").decimalValue()).isEqualByComparingTo("4");
        JsonNode listed = f.get("petra", "/api/v1/production-orders?status=OPEN").getBody();
        JsonNode line = null;
        for (JsonNode o : listed.get("items")) {
            if (o.get("id").asText().equals(mo)) {
                line = o;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("scrapped").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void aSerialIsTracedUpstreamAndDownstreamLikeALot() {
        String product = f.item("PMP", "SERIAL", "900.00", null);
        String motor = f.item("MOT", "SERIAL", "300.00", null);
        f.bomLine(product, 1, motor, "1", "EA", "BACKFLUSH");
        String m1 = "M1-" + suffix();
        String m2 = "M2-" + suffix();
        f.stock(motor, null, m1, 1, LINE_SIDE, null);
        f.stock(motor, null, m2, 1, LINE_SIDE, null);
        String mo = f.order(product, 2, null);
        String s1 = "S1-" + suffix();
        String s2 = "S2-" + suffix();
        ResponseEntity<JsonNode> wrongCount = f.post("olga", "/api/v1/production-orders/" + mo + "/completions", """
                {"quantity": 3, "uom": "EA", "serials": ["%s", "%s"], "location": "%s", "backflush": true}"""
                .formatted(s1, s2, STAGING));
        assertThat(wrongCount.getStatusCode().value()).isEqualTo(422);
        assertThat(wrongCount.getBody().at("/errors/0/field").asText()).isEqualTo("quantity");
        ResponseEntity<JsonNode> done = f.post("olga", "/api/v1/production-orders/" + mo + "/completions", """
                {"quantity": 2, "uom": "EA", "serials": ["%s", "%s"], "location": "%s", "backflush": true}"""
                .formatted(s1, s2, STAGING));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(201);
        assertThat(f.post("olga", "/api/v1/movements", """
                {"type": "SHIP", "sku": "%s", "quantity": 1, "uom": "EA", "serial": "%s",
                 "from": {"location": "%s"}, "reference": "SO-SER"}""".formatted(product, s1, STAGING))
                .getStatusCode().value()).isEqualTo(201);

        JsonNode up = f.get("quinn", "/api/v1/trace?sku=" + product + "&serial=" + s1).getBody();
        assertThat(up.get("serial").asText()).isEqualTo(s1);
        assertThat(up.get("upstream").findValuesAsText("serial")).containsExactlyInAnyOrder(m1, m2);
        assertThat(up.get("shipments").findValuesAsText("reference")).containsExactly("SO-SER");
        assertThat(up.get("locations")).isEmpty();

        JsonNode down = f.get("quinn", "/api/v1/trace?sku=" + motor + "&serial=" + m1).getBody();
        assertThat(down.get("downstream").findValuesAsText("serial")).containsExactlyInAnyOrder(s1, s2);
        assertThat(down.get("shipments").findValuesAsText("serial")).containsExactly(s1);
        assertThat(down.get("locations").findValuesAsText("serial")).containsExactly(s2);
        assertThat(down.at("/locations/0/location").asText()).isEqualTo(STAGING);

        assertThat(f.get("quinn", "/api/v1/trace?sku=" + motor + "&serial=" + m1 + "&lot=X").getStatusCode().value())
                .isEqualTo(422);
        assertThat(f.get("quinn", "/api/v1/trace?sku=" + motor).getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void completionsAreIdempotentAndABackflushWithoutASourceIsRefused() {
        String product = f.item("ASM", "LOT", "40.00", null);
        String bolt = f.item("BLT", "LOT", "0.50", null);
        f.bomLine(product, 1, bolt, "1", "EA", "BACKFLUSH");
        f.stock(bolt, "R1", null, 10, LINE_SIDE, null);
        ResponseEntity<JsonNode> nowhere = f.post("petra", "/api/v1/production-orders", """
                {"sku": "%s", "bomRevision": "A", "quantity": 1, "issueLocation": "NOWHERE"}""".formatted(product));
        assertThat(nowhere.getStatusCode().value()).isEqualTo(422);
        assertThat(nowhere.getBody().at("/errors/0/field").asText()).isEqualTo("issueLocation");
        String mo = f.order(product, 5, null);
        String path = "/api/v1/production-orders/" + mo + "/completions";

        // warehouse P1-WH2 has no PRODUCTION location and the order names no issue location
        ResponseEntity<JsonNode> noSource = f.post("olga", path, """
                {"quantity": 1, "uom": "EA", "lot": "R-%s", "location": "P1-WH2-STG", "backflush": true}"""
                .formatted(mo));
        assertThat(noSource.getStatusCode().value()).isEqualTo(422);
        assertThat(noSource.getBody().at("/errors/0/field").asText()).isEqualTo("issueLocation");

        String body = """
                {"quantity": 2, "uom": "EA", "lot": "R-%s", "location": "%s", "backflush": true}"""
                .formatted(mo, STAGING);
        assertThat(com.invgov.support.Api.as(port, "olga").post().uri(path)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(400);
        String key = "done-" + suffix();
        ResponseEntity<JsonNode> first = postWithKey(path, key, body);
        ResponseEntity<JsonNode> again = postWithKey(path, key, body);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(f.balance(bolt, LINE_SIDE, "R1", "AVAILABLE")).isEqualByComparingTo("8");
        assertThat(f.get("olga", "/api/v1/production-orders/" + mo).getBody().get("produced").decimalValue())
                .isEqualByComparingTo("2");
    }

    private ResponseEntity<JsonNode> postWithKey(String path, String key, String body) {
        return com.invgov.support.Api.as(port, "olga").post().uri(path)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }
}
