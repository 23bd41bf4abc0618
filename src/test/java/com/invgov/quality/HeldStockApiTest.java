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

/**
 * Held stock changes only through its hold: plain movements (an operator, the MES) can neither release, scrap,
 * return nor move QUARANTINE stock, nor put stock into a held status, so the hold's books stay right and its
 * dispositions go through.
 */
@IntegrationTest
class HeldStockApiTest {

    static final String LOC = "P1-WH1-A-03-03";
    static final String OTHER = "P1-WH1-STG";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMesCannotReleaseScrapMoveOrQuarantineHeldStockAndTheHoldStillDisposesOfIt() {
        String sku = newItem();
        String lot = "M" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(movement("olga", receipt(sku, lot, 100, "AVAILABLE")).getStatusCode().value()).isEqualTo(201);
        JsonNode hold = post("quinn", "/api/v1/quality-holds", """
                {"sku": "%s", "lot": "%s", "reason": "cracked insulation"}""".formatted(sku, lot)).getBody();

        assertRefused(movement("mes", """
                {"type": "STATUS_CHANGE", "sku": "%s", "lot": "%s", "quantity": 100, "uom": "EA",
                 "from": {"location": "%s", "status": "QUARANTINE"},
                 "to": {"location": "%s", "status": "AVAILABLE"}}""".formatted(sku, lot, LOC, LOC)), "disposition");
        assertRefused(movement("mes", """
                {"type": "SCRAP", "sku": "%s", "lot": "%s", "quantity": 100, "uom": "EA",
                 "from": {"location": "%s", "status": "QUARANTINE"}}""".formatted(sku, lot, LOC)), "disposition");
        assertRefused(movement("olga", """
                {"type": "TRANSFER", "sku": "%s", "lot": "%s", "quantity": 10, "uom": "EA",
                 "from": {"location": "%s", "status": "QUARANTINE"}, "to": {"location": "%s"}}"""
                .formatted(sku, lot, LOC, OTHER)), "disposition");
        assertRefused(movement("mes", receipt(sku, lot, 5, "QUARANTINE")), "quality hold");
        ResponseEntity<JsonNode> batch = Api.as(port, "mes").post().uri("/api/v1/movements/batch")
                .header("Idempotency-Key", "b-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"movements\": [" + receipt(sku, lot, 5, "AVAILABLE") + ", " + receipt(sku, lot, 5, "BLOCKED")
                        + "]}").retrieve().toEntity(JsonNode.class);
        assertRefused(batch, "movements[1]");
        assertThat(stock(sku, LOC, "QUARANTINE")).as("nothing changed").isEqualByComparingTo("100");
        assertThat(stock(sku, LOC, "AVAILABLE")).isEqualByComparingTo("0");
        assertThat(stock(sku, LOC, "BLOCKED")).isEqualByComparingTo("0");

        ResponseEntity<JsonNode> release = dispose(hold, "RELEASE", 100);
        assertThat(release.getStatusCode().value()).as(String.valueOf(release.getBody())).isEqualTo(200);
        assertThat(release.getBody().get("status").asText()).isEqualTo("CLOSED");
        assertThat(stock(sku, LOC, "AVAILABLE")).isEqualByComparingTo("100");
    }

    @Test
    void reworkedStockMayMoveBlockedButLeavesBlockedOnlyUnderAHold() {
        String sku = newItem();
        String lot = "W" + UUID.randomUUID().toString().substring(0, 6);
        movement("olga", receipt(sku, lot, 20, "AVAILABLE"));
        JsonNode hold = post("quinn", "/api/v1/quality-holds", """
                {"sku": "%s", "lot": "%s", "reason": "burrs"}""".formatted(sku, lot)).getBody();
        dispose(hold, "REWORK", 20);
        assertThat(stock(sku, LOC, "BLOCKED")).isEqualByComparingTo("20");

        ResponseEntity<JsonNode> toRework = movement("olga", """
                {"type": "TRANSFER", "sku": "%s", "lot": "%s", "quantity": 20, "uom": "EA",
                 "from": {"location": "%s", "status": "BLOCKED"}, "to": {"location": "%s"}}"""
                .formatted(sku, lot, LOC, OTHER));
        assertThat(toRework.getStatusCode().value()).as(String.valueOf(toRework.getBody())).isEqualTo(201);
        assertThat(stock(sku, OTHER, "BLOCKED")).isEqualByComparingTo("20");
        assertRefused(movement("olga", """
                {"type": "STATUS_CHANGE", "sku": "%s", "lot": "%s", "quantity": 20, "uom": "EA",
                 "from": {"location": "%s", "status": "BLOCKED"}, "to": {"location": "%s"}}"""
                .formatted(sku, lot, OTHER, OTHER)), "quality hold");

        // reworked: QUALITY takes it back under a hold and releases it
        JsonNode again = post("quinn", "/api/v1/quality-holds", """
                {"sku": "%s", "lot": "%s", "location": "%s", "reason": "reworked, re-inspect"}"""
                .formatted(sku, lot, OTHER)).getBody();
        assertThat(again.at("/lines/0/fromStatus").asText()).isEqualTo("BLOCKED");
        assertThat(stock(sku, OTHER, "QUARANTINE")).isEqualByComparingTo("20");
        assertThat(dispose(again, "RELEASE", 20).getStatusCode().value()).isEqualTo(200);
        assertThat(stock(sku, OTHER, "AVAILABLE")).isEqualByComparingTo("20");
    }

    // ---- helpers

    private static void assertRefused(ResponseEntity<JsonNode> response, String detail) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(409);
        assertThat(response.getBody().get("type").asText()).endsWith("/conflict");
        assertThat(response.getBody().get("detail").asText()).contains(detail);
    }

    private static String receipt(String sku, String lot, int quantity, String status) {
        return """
                {"type": "RECEIPT", "sku": "%s", "quantity": %d, "uom": "EA", "lot": "%s",
                 "to": {"location": "%s", "status": "%s"}}""".formatted(sku, quantity, lot, LOC, status);
    }

    private ResponseEntity<JsonNode> dispose(JsonNode hold, String disposition, int quantity) {
        return post("quinn", "/api/v1/quality-holds/" + hold.get("id").asText() + "/dispositions", """
                {"lineId": "%s", "disposition": "%s", "quantity": %d}"""
                .formatted(hold.at("/lines/0/id").asText(), disposition, quantity));
    }

    private ResponseEntity<JsonNode> movement(String user, String body) {
        return post(user, "/api/v1/movements", body);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        return Api.as(port, user).post().uri(path).header("Idempotency-Key", "hs-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private String newItem() {
        String sku = "HS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = Api.as(port, "ada").put().uri("/api/v1/items/" + sku)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"description": "Held stock test part", "baseUom": "EA", "tracking": "LOT", "abcClass": "C",
                         "category": "TST", "unitCost": 1.50, "regulated": false}""")
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
        return sku;
    }

    private BigDecimal stock(String sku, String location, String status) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND location = ? AND status = ?")
                .params(sku, location, status).query(BigDecimal.class).single();
    }
}
