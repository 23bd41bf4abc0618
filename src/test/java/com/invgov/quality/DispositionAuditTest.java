package com.invgov.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.AuditEntries;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** QUALITY's dispositions and the MRB's decisions land in the audit trail, each once (DESIGN §7). */
@IntegrationTest
class DispositionAuditTest {

    static final String LOC = "P1-WH1-A-03-03";

    @LocalServerPort
    int port;

    @Test
    void aUseAsIsDispositionAndEachMrbApprovalAreAuditedAndARefusedApprovalIsNot() {
        String sku = newItem();
        String lot = "AU" + UUID.randomUUID().toString().substring(0, 6);
        ResponseEntity<JsonNode> received = post("olga", "/api/v1/movements", """
                {"type": "RECEIPT", "sku": "%s", "quantity": 40, "uom": "EA", "lot": "%s", "to": {"location": "%s"},
                 "reference": "PO-QA"}""".formatted(sku, lot, LOC));
        assertThat(received.getStatusCode().value()).as("%s", received.getBody()).isEqualTo(201);
        JsonNode hold = post("quinn", "/api/v1/quality-holds",
                "{\"sku\": \"%s\", \"lot\": \"%s\", \"reason\": \"scratches\"}".formatted(sku, lot)).getBody();
        String line = hold.at("/lines/0/id").asText();
        JsonNode pending = post("quinn", "/api/v1/quality-holds/" + hold.get("id").asText() + "/dispositions", """
                {"lineId": "%s", "disposition": "USE_AS_IS", "quantity": 40, "comment": "cosmetic"}""".formatted(line))
                .getBody();
        String did = pending.at("/dispositions/0/id").asText();

        List<JsonNode> proposed = AuditEntries.of(port, "disposition", did);
        assertThat(proposed).singleElement().satisfies(e -> {
            assertThat(e.get("action").asText()).isEqualTo("DISPOSITION_DECIDED");
            assertThat(e.get("actor").asText()).isEqualTo("quinn");
            assertThat(e.get("before").isNull()).isTrue();
            assertThat(e.at("/after/disposition").asText()).isEqualTo("USE_AS_IS");
            assertThat(e.at("/after/quantity").decimalValue()).isEqualByComparingTo("40");
            assertThat(e.at("/after/mrbRequired").asBoolean()).isTrue();
            assertThat(e.get("note").asText()).isEqualTo("cosmetic");
        });

        // not on the board: 403, nothing audited
        assertThat(post("olga", "/api/v1/dispositions/" + did + "/mrb-approval", "{\"approved\": true}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(AuditEntries.of(port, "disposition", did)).hasSize(1);

        assertThat(post("quinn", "/api/v1/dispositions/" + did + "/mrb-approval", "{\"approved\": true}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(post("ivan", "/api/v1/dispositions/" + did + "/mrb-approval",
                "{\"approved\": true, \"comment\": \"fit for use\"}").getStatusCode().value()).isEqualTo(200);

        List<JsonNode> entries = AuditEntries.of(port, "disposition", did);
        assertThat(entries).extracting(e -> e.get("action").asText())
                .containsExactly("MRB_APPROVED", "MRB_APPROVED", "DISPOSITION_DECIDED");
        assertThat(entries.get(1).get("actor").asText()).isEqualTo("quinn");
        assertThat(entries.get(1).at("/after/role").asText()).isEqualTo("QUALITY");
        assertThat(entries.get(1).at("/before/status").asText()).isEqualTo("PENDING_MRB");
        JsonNode last = entries.get(0);
        assertThat(last.get("actor").asText()).isEqualTo("ivan");
        assertThat(last.at("/after/role").asText()).isEqualTo("INVENTORY_CONTROLLER");
        assertThat(last.at("/after/status").asText()).isEqualTo("POSTED");
        assertThat(last.get("note").asText()).isEqualTo("fit for use");
    }

    private String newItem() {
        String sku = "QA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = Api.as(port, "ada").put().uri("/api/v1/items/" + sku)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"description": "Audit quality part", "baseUom": "EA", "tracking": "LOT", "abcClass": "B",
                         "category": "TST", "unitCost": 2.50, "regulated": false}""")
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
        return sku;
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        return Api.as(port, user).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "qa-" + UUID.randomUUID()).body(body).retrieve().toEntity(JsonNode.class);
    }
}
