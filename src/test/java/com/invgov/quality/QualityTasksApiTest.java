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
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receiving and quality-hold tasks in the one task inbox ({@code GET /api/v1/tasks}, {@code POST
 * /api/v1/tasks/{id}/complete}): listed for the right people with what they are about, completed with their own
 * fields (a wrong field is a 422 naming it and changes nothing), segregation of duties in the MRB.
 */
@IntegrationTest
class QualityTasksApiTest {

    static final String LOC = "P1-WH1-A-03-03";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void inspectionAndPutawayAreCompletedFromTheInboxWithTheirFields() {
        String sku = item(false);
        String po = expected(sku, 10);
        String receiptId = post("olga", "/api/v1/receipts", """
                {"po": "%s", "line": 1, "quantity": 10, "uom": "EA", "lot": "TK1"}""".formatted(po)).getBody()
                .get("id").asText();
        assertThat(task("olga", "receiving", receiptId)).as("not an operator's task yet").isEmpty();
        JsonNode inspect = task("quinn", "receiving", receiptId).orElseThrow();
        assertThat(inspect.get("taskKey").asText()).isEqualTo("inspect");
        assertThat(inspect.get("candidateRoles").toString()).contains("QUALITY");
        assertThat(inspect.at("/subject/type").asText()).isEqualTo("receipt");
        assertThat(inspect.at("/subject/id").asText()).isEqualTo(receiptId);
        assertThat(inspect.at("/subject/sku").asText()).isEqualTo(sku);
        assertThat(inspect.at("/subject/lot").asText()).isEqualTo("TK1");
        String taskId = inspect.get("id").asText();

        assertField(complete("quinn", taskId, "{}"), "checks");
        assertField(complete("quinn", taskId, "{\"checks\": \"all fine\"}"), "checks");
        assertField(complete("quinn", taskId, """
                {"checks": [{"name": "Packaging undamaged", "passed": "yes"}]}"""), "checks[0].passed");
        assertField(complete("quinn", taskId, """
                {"checks": [{"name": "Packaging undamaged", "passed": true}]}"""), "checks");
        assertThat(state(receiptId)).isEqualTo("AWAITING_INSPECTION");

        assertThat(complete("quinn", taskId, """
                {"checks": [{"name": "Packaging undamaged", "passed": true},
                            {"name": "Label matches the PO", "passed": true}]}""").getStatusCode().value())
                .isEqualTo(204);
        assertThat(state(receiptId)).isEqualTo("READY_FOR_PUTAWAY");

        JsonNode putaway = task("olga", "receiving", receiptId).orElseThrow();
        assertThat(putaway.get("taskKey").asText()).isEqualTo("putaway");
        assertThat(putaway.at("/subject/location").asText()).isEqualTo("P1-WH1-DOCK");
        assertField(complete("olga", putaway.get("id").asText(), "{\"location\": 7}"), "location");
        assertThat(complete("olga", putaway.get("id").asText(), "{\"location\": \"%s\"}".formatted(LOC))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(state(receiptId)).isEqualTo("PUT_AWAY");
        assertThat(stock(sku, LOC, "AVAILABLE")).isEqualByComparingTo("10");
    }

    @Test
    void aPlannerDecidesAnOverReceiptFromTheInbox() {
        String sku = item(false);
        String po = expected(sku, 10);
        String receiptId = post("olga", "/api/v1/receipts", """
                {"po": "%s", "line": 1, "quantity": 20, "uom": "EA", "lot": "OV1"}""".formatted(po)).getBody()
                .get("id").asText();
        JsonNode approval = task("petra", "receiving", receiptId).orElseThrow();
        assertThat(approval.get("taskKey").asText()).isEqualTo("approveOverReceipt");
        assertField(complete("petra", approval.get("id").asText(), "{\"approved\": \"sure\"}"), "approved");
        assertThat(complete("petra", approval.get("id").asText(), "{\"approved\": true}").getStatusCode().value())
                .isEqualTo(204);
        assertThat(state(receiptId)).isIn("AWAITING_INSPECTION", "READY_FOR_PUTAWAY");
    }

    @Test
    void dispositionAndEachMrbApprovalAreInboxTasksForDifferentPeople() {
        String sku = item(false);
        String lot = "TD" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode movement = Api.as(port, "olga").post().uri("/api/v1/movements")
                .header("Idempotency-Key", "tk-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"type": "RECEIPT", "sku": "%s", "quantity": 10, "uom": "EA", "lot": "%s",
                         "to": {"location": "%s"}}""".formatted(sku, lot, LOC)).retrieve().toEntity(JsonNode.class)
                .getBody();
        assertThat(movement.get("id")).isNotNull();
        String holdId = post("quinn", "/api/v1/quality-holds", """
                {"sku": "%s", "lot": "%s", "reason": "scratches"}""".formatted(sku, lot)).getBody().get("id").asText();

        JsonNode disposition = task("quinn", "quality-hold", holdId).orElseThrow();
        assertThat(disposition.get("taskKey").asText()).isEqualTo("disposition");
        assertThat(disposition.at("/subject/type").asText()).isEqualTo("quality-hold");
        assertThat(disposition.at("/subject/sku").asText()).isEqualTo(sku);
        assertThat(disposition.at("/subject/lot").asText()).isEqualTo(lot);
        assertThat(disposition.at("/subject/location").asText()).isEqualTo(LOC);
        String did = disposition.get("id").asText();
        assertField(complete("quinn", did, "{\"disposition\": \"BURN\", \"quantity\": 10}"), "disposition");
        assertField(complete("quinn", did, "{\"disposition\": \"USE_AS_IS\"}"), "quantity");
        assertField(complete("quinn", did, "{\"disposition\": \"USE_AS_IS\", \"quantity\": 10, \"lineId\": true}"),
                "lineId");
        assertThat(stock(sku, LOC, "QUARANTINE")).isEqualByComparingTo("10");
        assertThat(complete("quinn", did, """
                {"disposition": "USE_AS_IS", "quantity": 10, "comment": "cosmetic"}""").getStatusCode().value())
                .isEqualTo(204);

        // an operator is not on the board
        JsonNode mrb = task("ivan", "quality-hold", holdId).orElseThrow();
        assertThat(mrb.get("taskKey").asText()).isEqualTo("mrbApproval");
        assertThat(mrb.at("/subject/type").asText()).isEqualTo("disposition");
        assertThat(complete("olga", mrb.get("id").asText(), "{\"approved\": true}").getStatusCode().value())
                .isEqualTo(403);

        // the proposer sits on the board: quinn claims and approves for QUALITY; a fresh task waits for the controller
        JsonNode forQuinn = task("quinn", "quality-hold", holdId).orElseThrow();
        assertThat(Api.as(port, "quinn").post().uri("/api/v1/tasks/" + forQuinn.get("id").asText() + "/claim")
                .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(complete("quinn", forQuinn.get("id").asText(), "{\"approved\": true}").getStatusCode().value())
                .isEqualTo(204);
        assertThat(stock(sku, LOC, "QUARANTINE")).isEqualByComparingTo("10");
        assertThat(task("quinn", "quality-hold", holdId)).as("nobody approves twice").isEmpty();
        JsonNode next = task("ivan", "quality-hold", holdId).orElseThrow();
        assertThat(next.get("id").asText()).isNotEqualTo(forQuinn.get("id").asText());
        assertThat(next.get("assignee").isNull()).isTrue();
        assertThat(complete("ivan", next.get("id").asText(), "{\"approved\": true, \"comment\": \"ok\"}")
                .getStatusCode().value()).isEqualTo(204);
        assertThat(stock(sku, LOC, "AVAILABLE")).isEqualByComparingTo("10");
        assertThat(Api.as(port, "quinn").get().uri("/api/v1/quality-holds/" + holdId).retrieve()
                .toEntity(JsonNode.class).getBody().get("status").asText()).isEqualTo("CLOSED");
        assertThat(task("ivan", "quality-hold", holdId)).isEmpty();
    }

    // ---- helpers

    private static void assertField(ResponseEntity<JsonNode> r, String field) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(422);
        assertThat(r.getBody().get("errors").findValuesAsText("field")).as(String.valueOf(r.getBody()))
                .contains(field);
    }

    private Optional<JsonNode> task(String user, String processKey, String businessKey) {
        JsonNode page = Api.as(port, user).get().uri("/api/v1/tasks?limit=1000").retrieve().toEntity(JsonNode.class)
                .getBody();
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(t -> processKey.equals(t.get("processKey").asText())
                        && businessKey.equals(t.get("businessKey").asText())).findFirst();
    }

    private ResponseEntity<JsonNode> complete(String user, String taskId, String body) {
        return Api.as(port, user).post().uri("/api/v1/tasks/" + taskId + "/complete")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private String state(String receiptId) {
        return Api.as(port, "olga").get().uri("/api/v1/receipts/" + receiptId).retrieve().toEntity(JsonNode.class)
                .getBody().at("/receipt/state").asText();
    }

    private String item(boolean regulated) {
        String sku = "TK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = Api.as(port, "ada").put().uri("/api/v1/items/" + sku)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"description": "Inbox test part", "baseUom": "EA", "tracking": "LOT", "abcClass": "C",
                         "category": "TST", "unitCost": 1.00, "regulated": %s}""".formatted(regulated))
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).isTrue();
        return sku;
    }

    private String expected(String sku, int quantity) {
        String po = "PO-TK-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO expected_receipt (po, line, supplier, sku, quantity, uom, due_date, warehouse)
                VALUES (?, 1, 'S001', ?, ?, 'EA', ?, 'P1-WH1')""").params(po, sku, quantity, LocalDate.now()).update();
        return po;
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        ResponseEntity<JsonNode> r = Api.as(port, user).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "tk-" + UUID.randomUUID()).body(body).retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(path + " " + r.getBody()).isTrue();
        return r;
    }

    private BigDecimal stock(String sku, String location, String status) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND location = ? AND status = ?")
                .params(sku, location, status).query(BigDecimal.class).single();
    }
}
