package com.invgov.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ProductionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aComponentLotIsTracedDownToShipmentsAndAProductLotUpToItsSupplier() {
        String c = item("COMP");
        String p = item("PROD");
        String q = item("TOP");
        jdbc.sql("""
                INSERT INTO bom_line (product, revision, status, effective_from, line, component, quantity, uom, consumption)
                VALUES (?, 'A', 'RELEASED', DATE '2026-01-01', 1, ?, 2, 'EA', 'MANUAL'),
                       (?, 'A', 'RELEASED', DATE '2026-01-01', 1, ?, 1, 'EA', 'MANUAL')""").params(p, c, q, p).update();
        String cl = "CL" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode receipt = post("ada", "/api/v1/receipts", """
                {"sku": "%s", "quantity": 20, "uom": "EA", "lot": "%s", "supplier": "S002", "warehouse": "P1-WH1",
                 "unplanned": true}""".formatted(c, cl)).getBody();
        String rid = receipt.get("id").asText();
        post("quinn", "/api/v1/receipts/" + rid + "/inspection", "{\"passed\": true}");
        String stockAt = post("olga", "/api/v1/receipts/" + rid + "/putaway", "{\"location\": \"P1-WH1-A-03-03\"}").getBody()
                .get("putawayLocation").asText();

        ResponseEntity<JsonNode> badRevision = post("petra", "/api/v1/production-orders",
                "{\"sku\": \"%s\", \"bomRevision\": \"Z\", \"quantity\": 5}".formatted(p));
        assertThat(badRevision.getStatusCode().value()).isEqualTo(422);
        String mo1 = post("petra", "/api/v1/production-orders",
                "{\"sku\": \"%s\", \"bomRevision\": \"A\", \"quantity\": 5}".formatted(p)).getBody().get("id").asText();
        ResponseEntity<JsonNode> notOnBom = post("olga", "/api/v1/production-orders/" + mo1 + "/issues", """
                {"sku": "%s", "lot": "X", "quantity": 1, "uom": "EA", "location": "%s"}""".formatted(q, stockAt));
        assertThat(notOnBom.getStatusCode().value()).isEqualTo(422);
        assertThat(post("olga", "/api/v1/production-orders/" + mo1 + "/issues", """
                {"sku": "%s", "lot": "%s", "quantity": 10, "uom": "EA", "location": "%s"}""".formatted(c, cl, stockAt))
                .getStatusCode().value()).isEqualTo(201);
        String pl = "PL" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode done = post("olga", "/api/v1/production-orders/" + mo1 + "/produce", """
                {"lot": "%s", "quantity": 5, "uom": "EA", "location": "P1-WH1-STG", "complete": true}""".formatted(pl))
                .getBody();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("flows")).hasSize(2);

        String mo2 = post("petra", "/api/v1/production-orders",
                "{\"sku\": \"%s\", \"bomRevision\": \"A\", \"quantity\": 2}".formatted(q)).getBody().get("id").asText();
        post("olga", "/api/v1/production-orders/" + mo2 + "/issues", """
                {"sku": "%s", "lot": "%s", "quantity": 2, "uom": "EA", "location": "P1-WH1-STG"}""".formatted(p, pl));
        String ql = "QL" + UUID.randomUUID().toString().substring(0, 6);
        post("olga", "/api/v1/production-orders/" + mo2 + "/produce", """
                {"lot": "%s", "quantity": 2, "uom": "EA", "location": "P1-WH1-STG"}""".formatted(ql));
        assertThat(post("olga", "/api/v1/movements", """
                {"type": "SHIP", "sku": "%s", "quantity": 1, "uom": "EA", "lot": "%s",
                 "from": {"location": "P1-WH1-STG"}, "reference": "SO-77"}""".formatted(q, ql))
                .getStatusCode().value()).isEqualTo(201);

        JsonNode down = get("quinn", "/api/v1/trace?sku=" + c + "&lot=" + cl);
        assertThat(down.get("downstream").findValuesAsText("lot")).containsExactly(pl, ql);
        assertThat(down.at("/downstream/1/depth").asInt()).isEqualTo(2);
        assertThat(down.get("shipments").findValuesAsText("reference")).containsExactly("SO-77");
        assertThat(down.get("locations").findValuesAsText("location")).contains(stockAt, "P1-WH1-STG");
        assertThat(down.at("/receipts/0/supplier").asText()).isEqualTo("S002");

        JsonNode up = get("quinn", "/api/v1/trace?sku=" + q + "&lot=" + ql);
        assertThat(up.get("upstream").findValuesAsText("lot")).containsExactly(pl, cl);
        assertThat(up.at("/upstream/1/receipts/0/supplier").asText()).isEqualTo("S002");
        assertThat(up.at("/upstream/1/productionOrder").asText()).isEqualTo("MO-" + mo1);

        // a recall of the component lot holds it and everything made from it, wherever it is
        String recall = "{\"sku\": \"%s\", \"lot\": \"%s\", \"reason\": \"supplier reports wrong alloy\"}"
                .formatted(c, cl);
        assertThat(post("olga", "/api/v1/recalls", recall).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> recalled = post("quinn", "/api/v1/recalls", recall);
        assertThat(recalled.getStatusCode().value()).isEqualTo(201);
        assertThat(recalled.getBody().get("holds").findValuesAsText("lot")).containsExactly(cl, pl, ql);
        assertThat(recalled.getBody().get("shipments").findValuesAsText("reference")).containsExactly("SO-77");
        for (String[] l : new String[][] {{c, cl, "10"}, {p, pl, "3"}, {q, ql, "1"}}) {
            assertThat(jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND lot = ? AND status = ?")
                    .params(l[0], l[1], "QUARANTINE").query(java.math.BigDecimal.class).single())
                    .as(l[1]).isEqualByComparingTo(l[2]);
            assertThat(jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND lot = ? AND status = ?")
                    .params(l[0], l[1], "AVAILABLE").query(java.math.BigDecimal.class).single())
                    .isEqualByComparingTo("0");
        }
    }

    private String item(String prefix) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = Api.as(port, "ada").put().uri("/api/v1/items/" + sku)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"description": "Genealogy test part", "baseUom": "EA", "tracking": "LOT", "abcClass": "C",
                         "category": "TST", "unitCost": 1.00, "regulated": false}""").retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).isTrue();
        return sku;
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        ResponseEntity<JsonNode> r = Api.as(port, user).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "p-" + UUID.randomUUID()).body(body).retrieve().toEntity(JsonNode.class);
        return r;
    }

    private JsonNode get(String user, String path) {
        return Api.as(port, user).get().uri(path).retrieve().toEntity(JsonNode.class).getBody();
    }
}
