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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality-hold paths the API tests do not walk: a recall hold (the lot wherever it is) and a hold started by a
 * failed inspection, each through quarantine and dispositions to its end. (Manual holds with and without MRB and
 * the MRB rejection are in {@link QualityHoldApiTest}.)
 */
@IntegrationTest
class QualityHoldProcessTest {

    static final String A = "P1-WH1-A-03-03";
    static final String B = "P1-WH1-A-02-02";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecallHoldsTheLotAtEveryLocationAndEndsWhenAllOfItIsReturned() {
        String sku = item(false);
        String lot = "RC" + UUID.randomUUID().toString().substring(0, 6);
        receipt(sku, lot, 30, A);
        receipt(sku, lot, 20, B);
        ResponseEntity<JsonNode> recalled = post("quinn", "/api/v1/recalls", """
                {"sku": "%s", "lot": "%s", "reason": "supplier recall notice"}""".formatted(sku, lot));
        assertThat(recalled.getStatusCode().value()).as(String.valueOf(recalled.getBody())).isEqualTo(201);
        String holdId = jdbc.sql("SELECT id FROM quality_hold WHERE sku = ? AND lot = ? AND source = 'RECALL'")
                .params(sku, lot).query(Long.class).single().toString();
        JsonNode hold = get("/api/v1/quality-holds/" + holdId);
        assertThat(hold.get("lines").findValuesAsText("location")).containsExactlyInAnyOrder(A, B);
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("50");
        assertThat(stock(sku, "AVAILABLE")).isEqualByComparingTo("0");
        assertThat(path(holdId)).containsExactly("holdPlaced", "quarantine", "disposition");

        for (JsonNode line : hold.get("lines")) {
            ResponseEntity<JsonNode> r = dispose(holdId, line.get("id").asText(), "RETURN_TO_VENDOR",
                    line.get("quantity").asInt());
            assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        }
        assertThat(get("/api/v1/quality-holds/" + holdId).get("status").asText()).isEqualTo("CLOSED");
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("0");
        assertThat(path(holdId)).containsExactly("holdPlaced", "quarantine", "disposition", "mrbGateway",
                "postDisposition", "closedGateway", "disposition", "mrbGateway", "postDisposition", "closedGateway",
                "closed");
    }

    @Test
    void aFailedInspectionStartsAHoldWhoseScrapWithoutMrbEndsIt() {
        String sku = item(false);
        String po = "PO-QP-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO expected_receipt (po, line, supplier, sku, quantity, uom, due_date, warehouse)
                VALUES (?, 1, 'S001', ?, 10, 'EA', ?, 'P1-WH1')""").params(po, sku, LocalDate.now()).update();
        JsonNode receipt = post("olga", "/api/v1/receipts", """
                {"po": "%s", "line": 1, "quantity": 10, "uom": "EA", "lot": "FI1"}""".formatted(po)).getBody();
        post("quinn", "/api/v1/receipts/" + receipt.get("id").asText() + "/inspection", "{\"passed\": false}");
        JsonNode hold = get("/api/v1/quality-holds?status=OPEN&limit=1000").get("items").findParents("id").stream()
                .filter(h -> sku.equals(h.path("sku").asText()) && "INSPECTION".equals(h.path("source").asText()))
                .findFirst().orElseThrow();
        String holdId = hold.get("id").asText();
        assertThat(hold.get("createdBy").asText()).as("the inspector opened it").isEqualTo("quinn");
        assertThat(path(holdId)).containsExactly("holdPlaced", "quarantine", "disposition");
        JsonNode scrapped = dispose(holdId, hold.at("/lines/0/id").asText(), "SCRAP", 10).getBody();
        assertThat(scrapped.at("/dispositions/0/mrbRequired").asBoolean()).isFalse();
        assertThat(scrapped.get("status").asText()).isEqualTo("CLOSED");
        assertThat(path(holdId)).endsWith("postDisposition", "closedGateway", "closed").doesNotContain("mrbApproval");
        assertThat(stock(sku, "QUARANTINE")).isEqualByComparingTo("0");
    }

    // ---- helpers

    private String item(boolean regulated) {
        String sku = "QP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = Api.as(port, "ada").put().uri("/api/v1/items/" + sku)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"description": "Hold process part", "baseUom": "EA", "tracking": "LOT", "abcClass": "C",
                         "category": "TST", "unitCost": 1.00, "regulated": %s}""".formatted(regulated))
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).isTrue();
        return sku;
    }

    private void receipt(String sku, String lot, int quantity, String location) {
        ResponseEntity<JsonNode> r = Api.as(port, "olga").post().uri("/api/v1/movements")
                .header("Idempotency-Key", "qp-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"type": "RECEIPT", "sku": "%s", "quantity": %d, "uom": "EA", "lot": "%s",
                         "to": {"location": "%s"}}""".formatted(sku, quantity, lot, location))
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    }

    private ResponseEntity<JsonNode> dispose(String hold, String line, String disposition, int quantity) {
        return post("quinn", "/api/v1/quality-holds/" + hold + "/dispositions", """
                {"lineId": "%s", "disposition": "%s", "quantity": %d}""".formatted(line, disposition, quantity));
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        return Api.as(port, user).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "qp-" + UUID.randomUUID()).body(body).retrieve().toEntity(JsonNode.class);
    }

    private JsonNode get(String path) {
        return Api.as(port, "quinn").get().uri(path).retrieve().toEntity(JsonNode.class).getBody();
    }

    private List<String> path(String holdId) {
        return jdbc.sql("""
                SELECT a.act_id_ FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_
                 WHERE p.proc_def_key_ = 'quality-hold' AND p.business_key_ = ?
                 ORDER BY a.start_time_, a.sequence_counter_""").param(holdId).query(String.class).list();
    }

    private BigDecimal stock(String sku, String status) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND status = ?")
                .params(sku, status).query(BigDecimal.class).single();
    }
}
