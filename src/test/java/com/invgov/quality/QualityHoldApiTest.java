package com.invgov.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import com.invgov.support.TestUsers;
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
class QualityHoldApiTest {

    static final String LOC = "P1-WH1-A-03-03";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void heldStockCannotBeReservedIssuedOrShippedAndItsReservationsAreReleased() {
        String sku = newItem(false);
        String lot = "H" + UUID.randomUUID().toString().substring(0, 6);
        receive(sku, lot, 100);
        ResponseEntity<JsonNode> reserved = post("olga", "/api/v1/reservations", """
                {"sku": "%s", "location": "%s", "lot": "%s", "quantity": 10, "uom": "EA", "reference": "SO-1"}"""
                .formatted(sku, LOC, lot));
        assertThat(reserved.getStatusCode().value()).isEqualTo(201);

        assertThat(post("olga", "/api/v1/quality-holds", hold(sku, lot)).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> held = post("quinn", "/api/v1/quality-holds", hold(sku, lot));
        assertThat(held.getStatusCode().value()).isEqualTo(201);
        assertThat(held.getBody().get("status").asText()).isEqualTo("OPEN");
        assertThat(held.getBody().at("/lines/0/quantity").decimalValue()).isEqualByComparingTo("100");
        assertThat(held.getBody().get("heldValue").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("100");
        assertThat(stock(sku, "AVAILABLE")).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT status FROM reservation WHERE id = ?")
                .param(Long.parseLong(reserved.getBody().get("id").asText())).query(String.class).single())
                .isEqualTo("RELEASED");

        ResponseEntity<JsonNode> reserve = post("olga", "/api/v1/reservations", """
                {"sku": "%s", "location": "%s", "lot": "%s", "quantity": 1, "uom": "EA", "reference": "SO-2"}"""
                .formatted(sku, LOC, lot));
        assertOnHold(reserve);
        ResponseEntity<JsonNode> issue = movement("""
                {"type": "ISSUE", "sku": "%s", "quantity": 5, "uom": "EA", "lot": "%s",
                 "from": {"location": "%s"}, "reference": "MO-1"}""".formatted(sku, lot, LOC));
        assertOnHold(issue);
        ResponseEntity<JsonNode> ship = movement("""
                {"type": "SHIP", "sku": "%s", "quantity": 5, "uom": "EA", "lot": "%s",
                 "from": {"location": "%s"}, "reference": "SO-3"}""".formatted(sku, lot, LOC));
        assertOnHold(ship);
        assertThat(ship.getBody().get("held").get("QUARANTINE").decimalValue()).isEqualByComparingTo("100");
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("100");
    }

    @Test
    void dispositionsInPartsPostPerDispositionAndMrbApprovesUseAsIs() {
        String sku = newItem(false);
        String lot = "D" + UUID.randomUUID().toString().substring(0, 6);
        receive(sku, lot, 100);
        JsonNode hold = post("quinn", "/api/v1/quality-holds", hold(sku, lot)).getBody();
        String id = hold.get("id").asText();
        String line = hold.at("/lines/0/id").asText();

        JsonNode afterRelease = dispose(id, line, "RELEASE", 30).getBody();
        assertThat(afterRelease.at("/dispositions/0/status").asText()).isEqualTo("POSTED");
        assertThat(afterRelease.at("/dispositions/0/mrbRequired").asBoolean()).isFalse();
        assertThat(afterRelease.at("/dispositions/0/ruleVersion").asInt()).isPositive();
        assertThat(stock(sku, "AVAILABLE")).isEqualByComparingTo("30");
        dispose(id, line, "SCRAP", 20);
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("50");
        dispose(id, line, "RETURN_TO_VENDOR", 10);
        dispose(id, line, "REWORK", 10);
        assertThat(stock(sku, "BLOCKED")).isEqualByComparingTo("10");
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("30");

        ResponseEntity<JsonNode> tooMuch = dispose(id, line, "SCRAP", 31);
        assertThat(tooMuch.getStatusCode().value()).isEqualTo(409);

        JsonNode pending = dispose(id, line, "USE_AS_IS", 30).getBody();
        JsonNode useAsIs = pending.get("dispositions").get(4);
        assertThat(useAsIs.get("status").asText()).isEqualTo("PENDING_MRB");
        assertThat(useAsIs.get("approverRoles").toString()).contains("QUALITY", "INVENTORY_CONTROLLER");
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("30");
        String did = useAsIs.get("id").asText();
        ResponseEntity<JsonNode> meanwhile = dispose(id, line, "SCRAP", 1);
        assertThat(meanwhile.getStatusCode().value()).isEqualTo(409);
        assertThat(meanwhile.getBody().get("detail").asText()).contains("MRB");
        assertThat(post("olga", "/api/v1/dispositions/" + did + "/mrb-approval", "{\"approved\": true}")
                .getStatusCode().value()).isEqualTo(403);
        // the proposer sits on the board: quinn approves for QUALITY, but only once
        assertThat(post("quinn", "/api/v1/dispositions/" + did + "/mrb-approval", "{\"approved\": true}")
                .getBody().get("status").asText()).isEqualTo("OPEN");
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("30");
        ResponseEntity<JsonNode> twice = post("quinn", "/api/v1/dispositions/" + did + "/mrb-approval",
                "{\"approved\": true}");
        assertThat(twice.getStatusCode().value()).isEqualTo(403);
        assertThat(twice.getBody().get("type").asText()).endsWith("/segregation-of-duties");
        JsonNode done = post("ivan", "/api/v1/dispositions/" + did + "/mrb-approval",
                "{\"approved\": true, \"comment\": \"cosmetic only\"}").getBody();
        assertThat(done.get("dispositions").get(4).get("status").asText()).isEqualTo("POSTED");
        assertThat(done.get("dispositions").get(4).get("approvals")).hasSize(2);
        assertThat(done.get("status").asText()).isEqualTo("CLOSED");
        assertThat(stock(sku, "AVAILABLE")).isEqualByComparingTo("60");
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("0");
        assertThat(path(id)).containsSubsequence("quarantine", "disposition", "postDisposition",
                "disposition", "mrbApproval", "postDisposition", "closed");
        // one approval task per MRB role: the first approval loops back for the second person
        assertThat(path(id)).containsSubsequence("mrbApproval", "mrbApproved", "mrbApproval", "mrbApproved",
                "postDisposition");
        assertThat(ended(id)).isTrue();
    }

    @Test
    void regulatedItemsNeedMrbAndARejectionGivesTheQuantityBack() {
        String sku = newItem(true);
        String lot = "R" + UUID.randomUUID().toString().substring(0, 6);
        receive(sku, lot, 10);
        JsonNode hold = post("quinn", "/api/v1/quality-holds", """
                {"location": "%s", "sku": "%s", "lot": "%s", "reason": "supplier recall notice"}"""
                .formatted(LOC, sku, lot)).getBody();
        String id = hold.get("id").asText();
        String line = hold.at("/lines/0/id").asText();
        JsonNode pending = dispose(id, line, "RELEASE", 10).getBody();
        assertThat(pending.at("/lines/0/remaining").decimalValue()).isEqualByComparingTo("0");
        String did = pending.at("/dispositions/0/id").asText();
        JsonNode rejected = post("ivan", "/api/v1/dispositions/" + did + "/mrb-approval",
                "{\"approved\": false, \"comment\": \"not without a test report\"}").getBody();
        assertThat(rejected.at("/dispositions/0/status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/lines/0/remaining").decimalValue()).isEqualByComparingTo("10");
        assertThat(rejected.get("status").asText()).isEqualTo("OPEN");
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("10");
        // the rejection leads back to the disposition task
        assertThat(path(id)).containsSubsequence("quarantine", "disposition", "mrbApproval", "disposition")
                .doesNotContain("postDisposition");
        assertThat(ended(id)).isFalse();
        JsonNode scrapped = dispose(id, line, "SCRAP", 10).getBody();
        assertThat(scrapped.at("/dispositions/1/status").asText()).isEqualTo("PENDING_MRB");
        post(TestUsers.ensure(jdbc, "quentin", "QUALITY"), "/api/v1/dispositions/"
                + scrapped.at("/dispositions/1/id").asText() + "/mrb-approval", "{\"approved\": true}");
        JsonNode closed = post("iris", "/api/v1/dispositions/" + scrapped.at("/dispositions/1/id").asText()
                + "/mrb-approval", "{\"approved\": true}").getBody();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("0");
        assertThat(ended(id)).isTrue();
    }

    @Test
    void aHeldSerialCannotBeShipped() {
        String sku = "QS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.as(port, "ada").put().uri("/api/v1/items/" + sku).contentType(MediaType.APPLICATION_JSON).body("""
                {"description": "Serial test unit", "baseUom": "EA", "tracking": "SERIAL", "abcClass": "A",
                 "category": "TST", "unitCost": 900, "regulated": false}""").retrieve().toEntity(JsonNode.class);
        String serial = "SN" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(movement("""
                {"type": "RECEIPT", "sku": "%s", "quantity": 1, "uom": "EA", "serial": "%s", "to": {"location": "%s"}}"""
                .formatted(sku, serial, LOC)).getStatusCode().value()).isEqualTo(201);
        assertThat(post("quinn", "/api/v1/quality-holds", """
                {"sku": "%s", "serial": "%s", "reason": "field failure of a sister unit"}""".formatted(sku, serial))
                .getStatusCode().value()).isEqualTo(201);
        assertOnHold(movement("""
                {"type": "SHIP", "sku": "%s", "quantity": 1, "uom": "EA", "serial": "%s", "from": {"location": "%s"},
                 "reference": "SO-9"}""".formatted(sku, serial, LOC)));
    }

    @Test
    void aHoldNeedsSomethingToHold() {
        ResponseEntity<JsonNode> empty = post("quinn", "/api/v1/quality-holds", "{\"reason\": \"x\"}");
        assertThat(empty.getStatusCode().value()).isEqualTo(422);
        ResponseEntity<JsonNode> nothing = post("quinn", "/api/v1/quality-holds", hold(newItem(false), "NOPE"));
        assertThat(nothing.getStatusCode().value()).isEqualTo(409);
    }

    // ---- helpers

    private static void assertOnHold(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(409);
        assertThat(response.getBody().get("type").asText()).endsWith("/stock-on-hold");
        assertThat(response.getBody().get("detail").asText()).contains("QUARANTINE");
    }

    private static String hold(String sku, String lot) {
        return "{\"sku\": \"%s\", \"lot\": \"%s\", \"reason\": \"burrs on thread\"}".formatted(sku, lot);
    }

    private ResponseEntity<JsonNode> dispose(String hold, String line, String disposition, int quantity) {
        return post("quinn", "/api/v1/quality-holds/" + hold + "/dispositions", """
                {"lineId": "%s", "disposition": "%s", "quantity": %d}""".formatted(line, disposition, quantity));
    }

    private void receive(String sku, String lot, int quantity) {
        ResponseEntity<JsonNode> r = movement("""
                {"type": "RECEIPT", "sku": "%s", "quantity": %d, "uom": "EA", "lot": "%s", "to": {"location": "%s"},
                 "reference": "PO-Q"}""".formatted(sku, quantity, lot, LOC));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    }

    private ResponseEntity<JsonNode> movement(String body) {
        return Api.as(port, "olga").post().uri("/api/v1/movements").header("Idempotency-Key", "q-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private String newItem(boolean regulated) {
        String sku = "QH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = Api.as(port, "ada").put().uri("/api/v1/items/" + sku).contentType(MediaType.APPLICATION_JSON).body("""
                {"description": "Quality test part", "baseUom": "EA", "tracking": "LOT", "abcClass": "B",
                 "category": "TST", "unitCost": 2.50, "regulated": %s}""".formatted(regulated))
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
        return sku;
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        RestClient.RequestBodySpec spec = Api.as(port, user).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "q-" + UUID.randomUUID());
        return spec.body(body).retrieve().toEntity(JsonNode.class);
    }

    /** The activities the hold's quality-hold process passed, in order. */
    private java.util.List<String> path(String holdId) {
        return jdbc.sql("""
                SELECT a.act_id_ FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_
                 WHERE p.proc_def_key_ = 'quality-hold' AND p.business_key_ = ?
                 ORDER BY a.start_time_, a.sequence_counter_""").param(holdId).query(String.class).list();
    }

    private boolean ended(String holdId) {
        return jdbc.sql("""
                SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'quality-hold' AND business_key_ = ?
                   AND end_time_ IS NOT NULL""").param(holdId).query(Integer.class).single() == 1;
    }

    private BigDecimal stock(String sku, String status) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND status = ?")
                .params(sku, status).query(BigDecimal.class).single();
    }
}
