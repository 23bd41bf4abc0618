package com.invgov.engineering;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product of its own per test (tests share one database; the demo's BOMs stay as production tests expect them),
 * with components made through the API, stock at a location of its own, revision A of its BOM, and the calls of
 * the engineering change flow. Users: erik raises (ENGINEER), eli is a second ENGINEER, petra PLANNER, quinn QUALITY,
 * fiona FINANCE.
 */
public final class EcoFixture {

    public static final String SECOND_ENGINEER = "eli";

    final int port;
    final JdbcClient jdbc;
    final String suffix;
    public final String product;
    final String location;

    private EcoFixture(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
        this.suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        this.product = "T9-P-" + suffix;
        this.location = "P1-WH1-T9-" + suffix;
        TestUsers.ensure(jdbc, SECOND_ENGINEER, "ENGINEER");
    }

    /** A new product (no BOM yet) and a STOCK location of its own. */
    public static EcoFixture product(int port, JdbcClient jdbc) {
        EcoFixture f = new EcoFixture(port, jdbc);
        f.item(f.product, "1000.00", false);
        ResponseEntity<JsonNode> loc = Api.as(port, "ada").put().uri("/api/v1/locations/" + f.location)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"warehouse": "P1-WH1", "type": "STOCK", "countable": true, "allowNegative": false}""")
                .retrieve().toEntity(JsonNode.class);
        assertThat(loc.getStatusCode().is2xxSuccessful()).as("location: %s", loc.getBody()).isTrue();
        return f;
    }

    /** A component item of this fixture: {@code T9-<name>-<suffix>}, EA with BOX = 10 EA. */
    public String component(String name, String unitCost, boolean regulated) {
        String sku = "T9-" + name + "-" + suffix;
        item(sku, unitCost, regulated);
        return sku;
    }

    private void item(String sku, String unitCost, boolean regulated) {
        ResponseEntity<JsonNode> item = Api.as(port, "ada").put().uri("/api/v1/items/" + sku)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"description": "ECO test item", "baseUom": "EA", "uomConversions": [{"uom": "BOX", "factor": 10}],
                         "tracking": "NONE", "abcClass": "B", "category": "TST", "unitCost": %s, "regulated": %s}"""
                        .formatted(unitCost, regulated))
                .retrieve().toEntity(JsonNode.class);
        assertThat(item.getStatusCode().is2xxSuccessful()).as("item: %s", item.getBody()).isTrue();
    }

    /** Revision {@code revision} of the product's BOM as the demo loads one: lines "component:quantity" in EA. */
    public void bom(String revision, String status, String... lines) {
        for (int i = 0; i < lines.length; i++) {
            String[] l = lines[i].split(":");
            jdbc.sql("""
                    INSERT INTO bom_line (product, revision, status, effective_from, line, component, quantity, uom,
                                          consumption) VALUES (?, ?, ?, DATE '2026-01-01', ?, ?, ?, 'EA', 'MANUAL')""")
                    .params(product, revision, status, i + 1, l[0], new java.math.BigDecimal(l[1])).update();
        }
    }

    /** Receives {@code quantity} EA of the item at this fixture's location (as olga). */
    public void stock(String sku, int quantity) {
        ResponseEntity<JsonNode> r = post("olga", "/api/v1/movements", """
                {"type": "RECEIPT", "sku": "%s", "quantity": %d, "uom": "EA", "to": {"location": "%s"},
                 "eventTime": "%s"}""".formatted(sku, quantity, location, Instant.now().minusSeconds(3600)));
        assertThat(r.getStatusCode().value()).as("receipt: %s", r.getBody()).isEqualTo(201);
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    public static String tomorrow() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    }

    /** The body of a change of this product: lines "component:quantity" in EA, MANUAL. */
    String body(String effectiveFrom, String... lines) {
        StringBuilder l = new StringBuilder();
        for (String line : lines) {
            String[] p = line.split(":");
            l.append(l.isEmpty() ? "" : ", ").append("""
                    {"component": "%s", "quantity": %s, "uom": "EA", "consumption": "MANUAL"}""".formatted(p[0], p[1]));
        }
        return """
                {"product": "%s", "lines": [%s], "effectiveFrom": "%s", "reason": "test change"}"""
                .formatted(product, l, effectiveFrom);
    }

    ResponseEntity<JsonNode> raise(String user, String body) {
        return post(user, "/api/v1/ecos", body);
    }

    /** erik raises the change; 201 expected. */
    JsonNode raised(String effectiveFrom, String... lines) {
        ResponseEntity<JsonNode> r = raise("erik", body(effectiveFrom, lines));
        assertThat(r.getStatusCode().value()).as("raise: %s", r.getBody()).isEqualTo(201);
        return r.getBody();
    }

    JsonNode change(String id) {
        ResponseEntity<JsonNode> r = Api.as(port, "audrey").get().uri("/api/v1/ecos/" + id).retrieve()
                .toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as("change: %s", r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    ResponseEntity<JsonNode> post(String user, String path, String body) {
        return Api.as(port, user).post().uri(path).header("Idempotency-Key", "t9-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    /** The open task of this change with this task key that the user is offered, or null. */
    JsonNode taskOf(String user, String changeId, String taskKey) {
        RestClient client = Api.as(port, user);
        JsonNode items = client.get().uri("/api/v1/tasks?limit=1000").retrieve().body(JsonNode.class).get("items");
        for (JsonNode t : items) {
            if (changeId.equals(t.get("businessKey").asText()) && taskKey.equals(t.get("taskKey").asText())) {
                return t;
            }
        }
        return null;
    }

    ResponseEntity<JsonNode> complete(String user, String taskId, String body) {
        return Api.as(port, user).post().uri("/api/v1/tasks/" + taskId + "/complete")
                .header("Idempotency-Key", "t9-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    /** {@code user} approves the change's approval task they are offered; 204 expected. */
    void approve(String user, String changeId) {
        JsonNode task = taskOf(user, changeId, "approve");
        assertThat(task).as("%s is offered an approval of %s", user, changeId).isNotNull();
        ResponseEntity<JsonNode> r = complete(user, task.get("id").asText(),
                "{\"approved\": true, \"comment\": \"fine\"}");
        assertThat(r.getStatusCode().value()).as("approve: %s", r.getBody()).isEqualTo(204);
    }

    /** {@code user} decides the disposition of the old stock; 204 expected. */
    void dispose(String user, String changeId, String disposition) {
        JsonNode task = taskOf(user, changeId, "dispose");
        assertThat(task).as("%s is offered the disposition of %s", user, changeId).isNotNull();
        ResponseEntity<JsonNode> r = complete(user, task.get("id").asText(),
                "{\"disposition\": \"" + disposition + "\", \"note\": \"as decided\"}");
        assertThat(r.getStatusCode().value()).as("dispose: %s", r.getBody()).isEqualTo(204);
    }

    /** The status of each revision of the product's BOM, e.g. {@code A=SUPERSEDED}. */
    java.util.Map<String, String> revisions() {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        jdbc.sql("SELECT DISTINCT revision, status FROM bom_line WHERE product = ?").param(product)
                .query(rs -> {
                    m.put(rs.getString(1), rs.getString(2));
                });
        return m;
    }
}
