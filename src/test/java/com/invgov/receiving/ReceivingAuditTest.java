package com.invgov.receiving;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.AuditEntries;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buyer's decision on an over-receipt and QUALITY's inspection result land in the audit trail once; a refused
 * attempt does not (DESIGN §7).
 */
@IntegrationTest
class ReceivingAuditTest {

    @LocalServerPort
    int port;

    @Test
    void anApprovedOverReceiptIsAuditedWithTheBuyerAndTheStateBeforeAndAfter() {
        String id = overReceipt();
        // an operator is not a buyer: 403, nothing audited
        assertThat(post("olga", "/api/v1/receipts/" + id + "/approval", "{\"approved\": true}").getStatusCode()
                .value()).isEqualTo(403);
        assertThat(AuditEntries.of(port, "receipt", id)).isEmpty();

        JsonNode approved = post("petra", "/api/v1/receipts/" + id + "/approval", "{\"approved\": true}").getBody();
        assertThat(AuditEntries.of(port, "receipt", id)).singleElement().satisfies(e -> {
            assertThat(e.get("action").asText()).isEqualTo("OVER_RECEIPT_APPROVED");
            assertThat(e.get("actor").asText()).isEqualTo("petra");
            assertThat(e.at("/before/state").asText()).isEqualTo("AWAITING_APPROVAL");
            assertThat(e.at("/before/quantity").decimalValue()).isEqualByComparingTo("20");
            assertThat(e.at("/after/state").asText()).isEqualTo(approved.get("state").asText())
                    .isNotEqualTo("AWAITING_APPROVAL");
            assertThat(e.at("/after/approved").asBoolean()).isTrue();
        });
    }

    @Test
    void aRejectedOverReceiptIsAudited() {
        String id = overReceipt();
        post("petra", "/api/v1/receipts/" + id + "/approval", "{\"approved\": false}");
        assertThat(AuditEntries.of(port, "receipt", id)).singleElement().satisfies(e -> {
            assertThat(e.get("action").asText()).isEqualTo("OVER_RECEIPT_REJECTED");
            assertThat(e.at("/after/state").asText()).isEqualTo("REJECTED");
        });
    }

    @Test
    void anInspectionResultIsAuditedWithTheInspectorAndARefusedOneIsNot() {
        String id = receipt(10);
        assertThat(post("olga", "/api/v1/receipts/" + id + "/inspection", "{\"passed\": true}").getStatusCode()
                .value()).isEqualTo(403);
        assertThat(AuditEntries.of(port, "receipt", id)).isEmpty();
        ResponseEntity<JsonNode> failed = post("quinn", "/api/v1/receipts/" + id + "/inspection",
                "{\"passed\": false}");
        assertThat(failed.getStatusCode().value()).as("%s", failed.getBody()).isEqualTo(200);
        assertThat(AuditEntries.of(port, "receipt", id)).singleElement().satisfies(e -> {
            assertThat(e.get("action").asText()).isEqualTo("INSPECTION_FAILED");
            assertThat(e.get("actor").asText()).isEqualTo("quinn");
            assertThat(e.at("/before/state").asText()).isEqualTo("AWAITING_INSPECTION");
            assertThat(e.at("/after/status").asText()).isEqualTo("QUARANTINE");
            assertThat(e.at("/after/passed").asBoolean()).isFalse();
        });
    }

    /** 20 EA received by olga against 10 expected: waits for a PLANNER. */
    private String overReceipt() {
        return receipt(20);
    }

    /** {@code quantity} EA of a new item received by olga against 10 expected (a first receipt: inspected). */
    private String receipt(int quantity) {
        String sku = "RCA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> item = json(as("ada").put(), "/api/v1/items/" + sku, """
                {"description": "Audit receiving part", "baseUom": "EA", "tracking": "NONE", "abcClass": "C",
                 "category": "TST", "unitCost": 2.50, "regulated": false, "defaultSupplier": "S001"}""");
        assertThat(item.getStatusCode().is2xxSuccessful()).as("%s", item.getBody()).isTrue();
        String po = "PO-A-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> expected = json(as("petra").put(), "/api/v1/expected-receipts/" + po + "/1", """
                {"supplier": "S001", "sku": "%s", "quantity": 10, "uom": "EA", "dueDate": "2026-12-31",
                 "warehouse": "P1-WH1"}""".formatted(sku));
        assertThat(expected.getStatusCode().value()).as("%s", expected.getBody()).isEqualTo(201);
        ResponseEntity<JsonNode> receipt = post("olga", "/api/v1/receipts",
                "{\"po\": \"%s\", \"line\": 1, \"quantity\": %d, \"uom\": \"EA\"}".formatted(po, quantity));
        assertThat(receipt.getStatusCode().value()).as("%s", receipt.getBody()).isEqualTo(201);
        assertThat(receipt.getBody().get("state").asText())
                .isEqualTo(quantity > 10 ? "AWAITING_APPROVAL" : "AWAITING_INSPECTION");
        return receipt.getBody().get("id").asText();
    }

    private RestClient as(String user) {
        return Api.as(port, user);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        return json(as(user).post(), path, body);
    }

    private static ResponseEntity<JsonNode> json(RestClient.RequestBodyUriSpec spec, String path, String body) {
        return spec.uri(path).contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "ora-" + UUID.randomUUID())
                .body(body).retrieve().toEntity(JsonNode.class);
    }
}
