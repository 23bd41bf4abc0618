package com.invgov.inventory;

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

/** Every master-data PUT that changes something lands in the audit trail once, with before and after (DESIGN §7). */
@IntegrationTest
class MasterDataAuditTest {

    @LocalServerPort
    int port;

    @Test
    void anItemCreatedThenChangedIsAuditedWithWhoAndBeforeAndAfter() {
        String sku = "AUD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(put("ada", "/api/v1/items/" + sku, item("Hex bolt", "0.26")).getStatusCode().value()).isEqualTo(201);

        List<JsonNode> created = AuditEntries.of(port, "item", sku);
        assertThat(created).hasSize(1);
        JsonNode first = created.get(0);
        assertThat(first.get("action").asText()).isEqualTo("ITEM_CREATED");
        assertThat(first.get("actor").asText()).isEqualTo("ada");
        assertThat(first.get("before").isNull()).isTrue();
        assertThat(first.at("/after/description").asText()).isEqualTo("Hex bolt");
        assertThat(first.at("/after/unitCost").decimalValue()).isEqualByComparingTo("0.26");
        assertThat(first.get("at").asText()).isNotBlank();

        assertThat(put("alan", "/api/v1/items/" + sku, item("Hex bolt M10", "0.30")).getStatusCode().value())
                .isEqualTo(200);
        List<JsonNode> changed = AuditEntries.of(port, "item", sku);
        assertThat(changed).hasSize(2);
        JsonNode latest = changed.get(0);
        assertThat(latest.get("action").asText()).isEqualTo("ITEM_CHANGED");
        assertThat(latest.get("actor").asText()).isEqualTo("alan");
        assertThat(latest.at("/before/description").asText()).isEqualTo("Hex bolt");
        assertThat(latest.at("/before/unitCost").decimalValue()).isEqualByComparingTo("0.26");
        assertThat(latest.at("/after/description").asText()).isEqualTo("Hex bolt M10");
        assertThat(latest.at("/after/unitCost").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(latest.get("id").asLong()).isGreaterThan(first.get("id").asLong());

        // a retried PUT (same Idempotency-Key) is answered from the first run: no second entry
        String key = "aud-retry-" + UUID.randomUUID();
        assertThat(put("ada", "/api/v1/items/" + sku, item("Hex bolt M10x30", "0.30"), key).getStatusCode().value())
                .isEqualTo(200);
        ResponseEntity<JsonNode> replay = put("ada", "/api/v1/items/" + sku, item("Hex bolt M10x30", "0.30"), key);
        assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(AuditEntries.of(port, "item", sku)).hasSize(3);

        // the same item again (0.3 is the stored 0.300000) changes nothing and is not audited
        assertThat(put("ada", "/api/v1/items/" + sku, item("Hex bolt M10x30", "0.3")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(AuditEntries.of(port, "item", sku)).hasSize(3);
    }

    @Test
    void refusedChangesLeaveNoEntry() {
        String sku = "AUD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // not an ADMIN: 403
        assertThat(put("olga", "/api/v1/items/" + sku, item("Nut", "1")).getStatusCode().value()).isEqualTo(403);
        // invalid: 422
        assertThat(put("ada", "/api/v1/items/" + sku, item("Nut", "1.1234567")).getStatusCode().value())
                .isEqualTo(422);
        assertThat(AuditEntries.of(port, "item", sku)).isEmpty();

        String code = "P1-WH1-AUD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(put("ada", "/api/v1/locations/" + code, """
                {"warehouse": "NO-SUCH-WH", "type": "STOCK", "countable": true, "allowNegative": false}""")
                .getStatusCode().value()).isEqualTo(422);
        assertThat(AuditEntries.of(port, "location", code)).isEmpty();
    }

    @Test
    void locationsSitesWarehousesSuppliersAndReasonCodesAreAuditedToo() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String location = "P1-WH1-AUD-" + suffix;
        assertThat(put("ada", "/api/v1/locations/" + location, """
                {"warehouse": "P1-WH1", "type": "STOCK", "countable": true, "allowNegative": false}""")
                .getStatusCode().value()).isEqualTo(201);
        assertThat(put("ada", "/api/v1/locations/" + location, """
                {"warehouse": "P1-WH1", "type": "STOCK", "countable": false, "allowNegative": false}""")
                .getStatusCode().value()).isEqualTo(200);
        List<JsonNode> locations = AuditEntries.of(port, "location", location);
        assertThat(locations).extracting(e -> e.get("action").asText())
                .containsExactly("LOCATION_CHANGED", "LOCATION_CREATED");
        assertThat(locations.get(0).at("/before/countable").asBoolean()).isTrue();
        assertThat(locations.get(0).at("/after/countable").asBoolean()).isFalse();

        // codes that sort after the demo plant's (P1, P1-WH1, ...): views and tests that take the first stay on those
        String site = "ZA" + suffix;
        assertThat(put("ada", "/api/v1/sites/" + site, """
                {"name": "Audit site", "timezone": "Europe/Berlin"}""").getStatusCode().value()).isEqualTo(201);
        assertThat(AuditEntries.of(port, "site", site)).singleElement()
                .satisfies(e -> assertThat(e.get("action").asText()).isEqualTo("SITE_CREATED"));

        String warehouse = site + "-WH";
        assertThat(put("ada", "/api/v1/warehouses/" + warehouse, """
                {"site": "%s", "name": "Audit warehouse"}""".formatted(site)).getStatusCode().value()).isEqualTo(201);
        assertThat(AuditEntries.of(port, "warehouse", warehouse)).singleElement()
                .satisfies(e -> assertThat(e.at("/after/site").asText()).isEqualTo(site));

        String supplier = "ZA" + suffix;
        assertThat(put("ada", "/api/v1/suppliers/" + supplier, """
                {"name": "Audit supplier", "status": "APPROVED"}""").getStatusCode().value()).isEqualTo(201);
        assertThat(put("ada", "/api/v1/suppliers/" + supplier, """
                {"name": "Audit supplier", "status": "PROBATION"}""").getStatusCode().value()).isEqualTo(200);
        List<JsonNode> suppliers = AuditEntries.of(port, "supplier", supplier);
        assertThat(suppliers).hasSize(2);
        assertThat(suppliers.get(0).at("/before/status").asText()).isEqualTo("APPROVED");
        assertThat(suppliers.get(0).at("/after/status").asText()).isEqualTo("PROBATION");

        String reason = "ZAUD_" + suffix;
        assertThat(put("ada", "/api/v1/reason-codes/" + reason, """
                {"description": "Audit reason", "glAccount": "5999"}""").getStatusCode().value()).isEqualTo(201);
        assertThat(AuditEntries.of(port, "reason-code", reason)).singleElement()
                .satisfies(e -> assertThat(e.get("action").asText()).isEqualTo("REASON_CODE_CREATED"));
    }

    private static String item(String description, String unitCost) {
        return """
                {"description": "%s", "baseUom": "EA", "uomConversions": [{"uom": "BOX", "factor": 100}],
                 "tracking": "NONE", "abcClass": "C", "category": "FAS", "unitCost": %s, "regulated": false}"""
                .formatted(description, unitCost);
    }

    private ResponseEntity<JsonNode> put(String user, String path, String body) {
        return put(user, path, body, "aud-" + UUID.randomUUID());
    }

    private ResponseEntity<JsonNode> put(String user, String path, String body, String key) {
        return Api.as(port, user).put().uri(path).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }
}
