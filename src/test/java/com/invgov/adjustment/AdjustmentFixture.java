package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh item and location of their own per test (tests share one database), stocked through the API, and the
 * calls of the count and approval flow.
 */
final class AdjustmentFixture {

    final int port;
    final String sku;
    final String location;

    private AdjustmentFixture(int port, String sku, String location) {
        this.port = port;
        this.sku = sku;
        this.location = location;
    }

    /** A new item of the class and unit cost, with {@code stock} EA AVAILABLE at a new location two days ago. */
    static AdjustmentFixture item(int port, String abcClass, String unitCost, boolean regulated, int stock) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        AdjustmentFixture f = new AdjustmentFixture(port, "T5-" + suffix, "P1-WH1-T5-" + suffix);
        RestClient ada = Api.as(port, "ada");
        ResponseEntity<JsonNode> item = ada.put().uri("/api/v1/items/" + f.sku).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"description": "Adjustment test item", "baseUom": "EA", "uomConversions": [{"uom": "BOX", "factor": 100}],
                         "tracking": "NONE", "abcClass": "%s", "category": "TST", "unitCost": %s, "regulated": %s}"""
                        .formatted(abcClass, unitCost, regulated))
                .retrieve().toEntity(JsonNode.class);
        assertThat(item.getStatusCode().is2xxSuccessful()).as("item: %s", item.getBody()).isTrue();
        ResponseEntity<JsonNode> loc = ada.put().uri("/api/v1/locations/" + f.location)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"warehouse": "P1-WH1", "type": "STOCK", "countable": true, "allowNegative": false}""")
                .retrieve().toEntity(JsonNode.class);
        assertThat(loc.getStatusCode().is2xxSuccessful()).as("location: %s", loc.getBody()).isTrue();
        if (stock > 0) {
            f.move("RECEIPT", stock, null, f.location, Instant.now().minusSeconds(2 * 86400));
        }
        return f;
    }

    /** The calls of this fixture for an item and location made elsewhere. */
    static AdjustmentFixture at(int port, String sku, String location) {
        return new AdjustmentFixture(port, sku, location);
    }

    /** Posts a movement as olga (an ordinary, non-adjustment movement). */
    void move(String type, int quantity, String from, String to, Instant eventTime) {
        String body = """
                {"type": "%s", "sku": "%s", "quantity": %d, "uom": "EA", %s %s "eventTime": "%s"}""".formatted(
                type, sku, quantity, from == null ? "" : "\"from\": {\"location\": \"" + from + "\"},",
                to == null ? "" : "\"to\": {\"location\": \"" + to + "\"},", eventTime);
        ResponseEntity<JsonNode> r = post("olga", "/api/v1/movements", body);
        assertThat(r.getStatusCode().value()).as("movement: %s", r.getBody()).isEqualTo(201);
    }

    ResponseEntity<JsonNode> count(String user, String quantity, String uom, Instant eventTime, String recountOf) {
        String body = """
                {"location": "%s", "sku": "%s", "lot": null, "countedQuantity": %s, "uom": "%s",
                 "countTaskId": null, "recountOf": %s, "eventTime": "%s"}""".formatted(location, sku, quantity, uom,
                recountOf == null ? "null" : "\"" + recountOf + "\"", eventTime);
        return post(user, "/api/v1/counts", body);
    }

    ResponseEntity<JsonNode> post(String user, String path, String body) {
        return Api.as(port, user).post().uri(path).header("Idempotency-Key", "t5-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    JsonNode adjustment(String id) {
        ResponseEntity<JsonNode> r = Api.as(port, "ivan").get().uri("/api/v1/adjustments/" + id).retrieve()
                .toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as("adjustment: %s", r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    /** The open task of this adjustment that the user is offered, or null. */
    JsonNode taskOf(String user, String adjustmentId) {
        JsonNode items = Api.as(port, user).get().uri("/api/v1/tasks?limit=1000").retrieve().body(JsonNode.class)
                .get("items");
        for (JsonNode t : items) {
            if (adjustmentId.equals(t.get("businessKey").asText())) {
                return t;
            }
        }
        return null;
    }

    ResponseEntity<JsonNode> complete(String user, String taskId, boolean approved, String comment) {
        return Api.as(port, user).post().uri("/api/v1/tasks/" + taskId + "/complete")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"approved\": " + approved + ", \"comment\": "
                        + (comment == null ? "null" : "\"" + comment + "\"") + "}")
                .retrieve().toEntity(JsonNode.class);
    }

    /** {@code user} approves the adjustment's approval task offered to them. */
    void approve(String user, String adjustmentId) {
        JsonNode task = taskOf(user, adjustmentId);
        assertThat(task).as("%s is offered the approval of %s", user, adjustmentId).isNotNull();
        ResponseEntity<JsonNode> r = complete(user, task.get("id").asText(), true, "ok");
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(204);
    }

    ResponseEntity<JsonNode> claim(String user, String taskId) {
        return Api.as(port, user).post().uri("/api/v1/tasks/" + taskId + "/claim").retrieve().toEntity(JsonNode.class);
    }

    /** The current on-hand quantity of the pair, every status (from the stock API). */
    BigDecimal onHand() {
        JsonNode items = Api.as(port, "ivan").get().uri("/api/v1/stock?sku=" + sku + "&location=" + location)
                .retrieve().body(JsonNode.class).get("items");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode b : items) {
            sum = sum.add(b.get("quantity").decimalValue());
        }
        return sum;
    }
}
