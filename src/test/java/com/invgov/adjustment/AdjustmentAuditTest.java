package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.AuditEntries;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's approval or rejection of an adjustment lands in the audit trail once (DESIGN §7); a refused one and
 * an automatic approval by the rules do not.
 */
@IntegrationTest
class AdjustmentAuditTest {

    @LocalServerPort
    int port;

    @Test
    void anApprovalIsAuditedWithTheApproverTheirRoleAndCommentAndARefusedOneIsNot() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        String id = request(f, "ivan", 500);
        JsonNode task = f.taskOf("iris", id);
        assertThat(task).isNotNull();

        // the requester may not approve (segregation of duties): nothing is audited
        ResponseEntity<JsonNode> own = f.complete("ivan", task.get("id").asText(), true, "mine");
        assertThat(own.getStatusCode().value()).as("%s", own.getBody()).isEqualTo(403);
        assertThat(AuditEntries.of(port, "adjustment", id)).isEmpty();

        ResponseEntity<JsonNode> done = f.complete("iris", task.get("id").asText(), true, "pallet found behind rack");
        assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(204);
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("POSTED");

        List<JsonNode> entries = AuditEntries.of(port, "adjustment", id);
        assertThat(entries).hasSize(1);
        JsonNode e = entries.get(0);
        assertThat(e.get("action").asText()).isEqualTo("ADJUSTMENT_APPROVED");
        assertThat(e.get("actor").asText()).isEqualTo("iris");
        assertThat(e.get("note").asText()).isEqualTo("pallet found behind rack");
        assertThat(e.at("/before/status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(e.at("/after/status").asText()).isEqualTo("APPROVED");
        assertThat(e.at("/after/role").asText()).isEqualTo("INVENTORY_CONTROLLER");
        assertThat(e.at("/after/approved").asBoolean()).isTrue();
    }

    @Test
    void aRejectionIsAuditedWithItsCommentAndOneWithoutACommentIsRefusedAndNotAudited() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        String id = request(f, "olga", -600);
        String task = f.taskOf("ivan", id).get("id").asText();

        assertThat(f.complete("ivan", task, false, null).getStatusCode().value()).isEqualTo(422);
        assertThat(AuditEntries.of(port, "adjustment", id)).isEmpty();

        assertThat(f.complete("ivan", task, false, "counted the wrong bin").getStatusCode().value()).isEqualTo(204);
        assertThat(AuditEntries.of(port, "adjustment", id)).singleElement().satisfies(e -> {
            assertThat(e.get("action").asText()).isEqualTo("ADJUSTMENT_REJECTED");
            assertThat(e.get("actor").asText()).isEqualTo("ivan");
            assertThat(e.get("note").asText()).isEqualTo("counted the wrong bin");
            assertThat(e.at("/after/status").asText()).isEqualTo("REJECTED");
            assertThat(e.at("/after/approved").asBoolean()).isFalse();
        });
    }

    @Test
    void anAutomaticApprovalByTheRulesIsNoPersonsApprovalAndNotAudited() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        ResponseEntity<JsonNode> r = f.post("ivan", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": -10, "reasonCode": "DAMAGED", "note": "crushed"}"""
                .formatted(f.location, f.sku));
        assertThat(r.getBody().at("/decision/outcome").asText()).isEqualTo("AUTO_APPROVE");
        assertThat(AuditEntries.of(port, "adjustment", r.getBody().get("id").asText())).isEmpty();
    }

    /** A manual request outside tolerance, below 1000.00: one INVENTORY_CONTROLLER approves. */
    private static String request(AdjustmentFixture f, String user, int delta) {
        ResponseEntity<JsonNode> r = f.post(user, "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": %d, "reasonCode": "%s", "note": "audit"}"""
                .formatted(f.location, f.sku, delta, delta > 0 ? "FOUND" : "LOST"));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(r.getBody().at("/decision/approverRoles").toString()).isEqualTo("[\"INVENTORY_CONTROLLER\"]");
        return r.getBody().get("id").asText();
    }
}
