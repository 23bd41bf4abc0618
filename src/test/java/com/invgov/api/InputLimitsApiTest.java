package com.invgov.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input found by black-box probes: every one is a 4xx {@code validation} problem that names what is wrong and
 * changes nothing (DESIGN §6: no 500 for anything a client can send; numbers never rounded silently).
 */
@IntegrationTest
class InputLimitsApiTest {

    static final String SKU = "FAS-00001";
    static final String LOCATION = "P1-WH1-A-03-03";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHeaderValueTheFirewallRefusesIsA400NotA500() throws IOException {
        List<Long> before = rows();
        String body = "{\"type\": \"RECEIPT\", \"sku\": \"" + SKU + "\", \"quantity\": 1, \"uom\": \"EA\", "
                + "\"to\": {\"location\": \"" + LOCATION + "\"}}";
        String movement = raw("POST /api/v1/movements HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + Api.basic("olga", "demo") + "\r\nIdempotency-Key: k\u20ac1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                + body);
        assertThat(movement).startsWith("HTTP/1.1 400").contains("application/problem+json", "/validation",
                "not allowed");

        String reason = "{\"description\": \"x\", \"glAccount\": \"5850\"}";
        String ifMatch = raw("PUT /api/v1/reason-codes/ZRQ HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + Api.basic("ada", "demo") + "\r\nIf-Match: \u20ac\r\nIdempotency-Key: " + UUID.randomUUID()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + reason.length()
                + "\r\nConnection: close\r\n\r\n" + reason);
        assertThat(ifMatch).startsWith("HTTP/1.1 400").contains("application/problem+json", "/validation");
        assertThat(jdbc.sql("SELECT count(*) FROM reason_code WHERE code = 'ZRQ'").query(Long.class).single())
                .isZero();
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void numbersBeyondAnyFieldAreA400NamingTheFieldInEveryBody() {
        String sku = newItem("NONE");
        List<Long> before = rows();

        for (String huge : List.of("1e100000", "-1e100000", "1e-10000", "\"1e999999999\"", "1e-999999999")) {
            ResponseEntity<JsonNode> movement = post("olga", "/api/v1/movements", """
                    {"type": "RECEIPT", "sku": "%s", "quantity": %s, "uom": "EA", "to": {"location": "%s"}}"""
                    .formatted(sku, huge, LOCATION));
            assertRefused(movement, 400, "quantity");
        }
        assertRefused(post("mes", "/api/v1/receipts", """
                {"po": "PO-26001", "line": 1, "quantity": 1e100000, "uom": "EA"}"""), 400, "quantity");
        ResponseEntity<JsonNode> cost = item(sku, "unitCost", "1e-10000");
        assertRefused(cost, 400, "unitCost");
        assertThat(cost.getBody().at("/errors/0/message").asText()).contains("decimals");
        // 100 digits either side of the point still read (and are then refused by the field's own limit)
        assertRefused(item(sku, "unitCost", "1e99"), 400, "unitCost");
        assertRefused(item(sku, "unitCost", "1e-100"), 422, "unitCost");

        // an untyped body (a task's fields) is held to the same
        ResponseEntity<JsonNode> task = post("quinn", "/api/v1/tasks/" + UUID.randomUUID() + "/complete",
                "{\"passed\": true, \"checks\": [{\"name\": \"x\", \"value\": 1e-999999999}]}");
        assertRefused(task, 400, "checks[0].value");

        // CSV: the simulation's facts and an import of expected receipts
        ResponseEntity<JsonNode> simulated = Api.as(port, "ada").post()
                .uri("/api/v1/rulesets/adjustment-tolerance/versions/1/simulate")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body("systemQty,countedQty,diffQty,diffValue,diffPct,abcClass\n1,2,1,1e999999999,100,A\n")
                .retrieve().toEntity(JsonNode.class);
        assertRefused(simulated, 400, null);
        assertThat(simulated.getBody().get("detail").asText()).contains("diffValue", "too large");
        String po = "PO-BIG-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> imported = Api.as(port, "mes").post().uri("/api/v1/expected-receipts/import")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body("po,line,supplier,sku,quantity,uom,due_date,warehouse\n"
                        + po + ",1,S001," + SKU + ",1e-999999999,EA,2026-12-01,P1-WH1\n")
                .retrieve().toEntity(JsonNode.class);
        assertThat(imported.getStatusCode().value()).isEqualTo(422);
        assertThat(imported.getBody().at("/errors/0/message").asText()).contains("decimals");

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anItemIsStoredAsGivenOrRefusedNamingTheField() {
        String sku = newItem("LOT");
        assertRefused(item(sku, "unitCost", "0.1234567"), 422, "unitCost");
        assertRefused(item(sku, "unitCost", "0.0000004"), 422, "unitCost");
        assertThat(item(sku, "unitCost", "0.123456").getStatusCode().value()).isEqualTo(200);
        assertThat(Api.as(port, "olga").get().uri("/api/v1/items/" + sku).retrieve().body(JsonNode.class)
                .get("unitCost").decimalValue()).isEqualByComparingTo("0.123456");

        for (String days : List.of("2147483647", "36501", "0")) {
            assertRefused(item(sku, "shelfLifeDays", days), days.equals("0") ? 400 : 422, "shelfLifeDays");
        }
        assertThat(item(sku, "shelfLifeDays", "36500").getStatusCode().value()).isEqualTo(200);

        assertRefused(item(sku, "baseUom", "\"E A\""), 422, "baseUom");
        assertRefused(item(sku, "baseUom", "\"EA\\n\""), 422, "baseUom");
        assertRefused(item(sku, "category", "\"\\u0007\\u001b[31m\""), 422, "category");
        assertRefused(item(sku, "uomConversions", "[{\"uom\": \" BOX \", \"factor\": 2}, "
                + "{\"uom\": \"BOX\", \"factor\": 3}]"), 422, "uomConversions[0].uom");
        assertRefused(item(sku, "uomConversions", "[{\"uom\": \"BOX\", \"factor\": 2}, "
                + "{\"uom\": \"box\", \"factor\": 3}]"), 422, "uomConversions[1].uom");
        assertRefused(item(sku, "uomConversions", "[{\"uom\": \"ea\", \"factor\": 2}]"), 422,
                "uomConversions[0].uom");

        JsonNode stored = Api.as(port, "olga").get().uri("/api/v1/items/" + sku).retrieve().body(JsonNode.class);
        assertThat(stored.get("baseUom").asText()).isEqualTo("EA");
        assertThat(stored.get("shelfLifeDays").asInt()).isEqualTo(36500);
        assertThat(stored.get("uomConversions").toString()).isEqualTo("[{\"uom\":\"BOX\",\"factor\":10}]");
    }

    @Test
    void lotsAndSerialsWithControlCharactersAreRefused() {
        String lotted = newItem("LOT");
        String serialised = newItem("SERIAL");
        List<Long> before = rows();
        for (String lot : List.of("A\\u001fB", "A\\tB", "A\\nB", "A\\u007fB")) {
            ResponseEntity<JsonNode> movement = post("olga", "/api/v1/movements", """
                    {"type": "RECEIPT", "sku": "%s", "quantity": 1, "uom": "EA", "lot": "%s",
                     "to": {"location": "%s"}}""".formatted(lotted, lot, LOCATION));
            assertRefused(movement, 422, "lot");
            assertThat(movement.getBody().at("/errors/0/message").asText()).contains("control characters");
        }
        assertRefused(post("olga", "/api/v1/movements", """
                {"type": "RECEIPT", "sku": "%s", "quantity": 1, "uom": "EA", "serial": "S\\u001f1",
                 "to": {"location": "%s"}}""".formatted(serialised, LOCATION)), 422, "serial");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aQueryParameterTomcatCannotDecodeIsA400NotAnUnfilteredList() throws IOException {
        // raw requests: java.net.URI refuses to send a malformed escape
        for (String query : List.of("/api/v1/movements?sku=FAS-0000%1&limit=3",
                "/api/v1/stock?warehouse=P1-WH1&sku=%G1", "/api/v1/movements?limit=3&sku=%FF")) {
            String answer = raw("GET " + query + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + Api.basic("ivan", "demo") + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(query).startsWith("HTTP/1.1 400").contains("application/problem+json",
                    "/validation", "\"field\":\"sku\"");
        }
        // well-formed percent-encoding is decoded as ever
        ResponseEntity<JsonNode> fine = Api.as(port, "ivan").get()
                .uri(URI.create("http://localhost:" + port + "/api/v1/movements?sku=FAS%2D00001&limit=3"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(fine.getStatusCode().value()).isEqualTo(200);
        assertThat(fine.getBody().get("items").findValuesAsText("sku")).isNotEmpty().containsOnly(SKU);
    }

    @Test
    void anExpectedReceiptWhoseBaseQuantityHasMoreThanSixDecimalsIsRefused() {
        String sku = "ER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(Api.as(port, "ada").put().uri("/api/v1/items/" + sku).header("Idempotency-Key", key())
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"description": "Half units", "baseUom": "EA", "uomConversions": [{"uom": "HALF", "factor": 0.5}],
                         "tracking": "NONE", "abcClass": "C", "unitCost": 1}""")
                .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(201);
        String po = "PO-HALF-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> half = Api.as(port, "petra").put().uri("/api/v1/expected-receipts/" + po + "/1")
                .header("Idempotency-Key", key()).contentType(MediaType.APPLICATION_JSON).body("""
                        {"supplier": "S001", "sku": "%s", "quantity": 0.000001, "uom": "HALF", "dueDate": "2026-12-31",
                         "warehouse": "P1-WH1"}""".formatted(sku))
                .retrieve().toEntity(JsonNode.class);
        assertRefused(half, 422, "quantity");
        assertThat(half.getBody().at("/errors/0/message").asText()).contains("6 decimals", "EA");
        assertThat(jdbc.sql("SELECT count(*) FROM expected_receipt WHERE po = ?").param(po).query(Long.class)
                .single()).isZero();
    }

    @Test
    void ruleTablesAreReadExactlyAndStrictlyWithPlainMessages() {
        String versions = "/api/v1/rulesets/adjustment-tolerance/versions";
        ResponseEntity<JsonNode> exact = post("ada", versions, table("999999999999.999999", ""));
        assertThat(exact.getStatusCode().value()).as(String.valueOf(exact.getBody())).isEqualTo(201);
        JsonNode saved = Api.as(port, "ada").get().uri(versions + "/" + exact.getBody().get("version").asInt())
                .retrieve().body(JsonNode.class);
        assertThat(saved.toString()).contains("999999999999.999999");

        ResponseEntity<JsonNode> bogus = post("ada", versions, table("1000", ", \"bogus\": 1"));
        assertRefused(bogus, 422, "bogus");
        assertThat(bogus.getBody().at("/errors/0/message").asText()).doesNotContain("com.invgov", "java.");
        ResponseEntity<JsonNode> nullRow = post("ada", versions,
                "{\"format\": \"TABLE\", \"table\": {\"rows\": [null], \"singleApproverValueLimit\": 1}}");
        assertRefused(nullRow, 422, "rows[0]");
        assertThat(nullRow.getBody().toString()).doesNotContain("Exception", "com.invgov", "java.");
        ResponseEntity<JsonNode> huge = post("ada", versions, table("1e100000", ""));
        assertThat(huge.getStatusCode().value()).isBetween(400, 422);
        assertThat(huge.getBody().get("type").asText()).endsWith("/validation");
        assertThat(huge.getBody().toString()).contains("singleApproverValueLimit").doesNotContain("java.");

        ResponseEntity<JsonNode> version = post("alan", versions + "/999999999999/publish", "{}");
        assertRefused(version, 400, "version");
        assertThat(version.getBody().get("detail").asText()).startsWith("version ").doesNotContain("java.");
    }

    private static String table(String limit, String extra) {
        return """
                {"format": "TABLE", "comment": "input limits", "table": {"rows": [
                  {"abcClass": "A", "maxDiffPercent": 1, "maxDiffValue": 100},
                  {"abcClass": "B", "maxDiffPercent": 2, "maxDiffValue": 250},
                  {"abcClass": "C", "maxDiffPercent": 5, "maxDiffValue": 500}],
                 "singleApproverValueLimit": %s%s}}""".formatted(limit, extra);
    }

    private String newItem(String tracking) {
        String sku = "LIM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = tracking.equals("SERIAL")
                ? item(sku, "tracking", "\"SERIAL\"", "uomConversions", "[]")
                : item(sku, "tracking", "\"" + tracking + "\"");
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return sku;
    }

    /** PUT of a valid item with some fields replaced: name, JSON value, name, JSON value, ... */
    private ResponseEntity<JsonNode> item(String sku, String... fields) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("description", "\"Input limits test part\"");
        values.put("baseUom", "\"EA\"");
        values.put("uomConversions", "[{\"uom\": \"BOX\", \"factor\": 10}]");
        values.put("tracking", "\"NONE\"");
        values.put("abcClass", "\"C\"");
        values.put("category", "\"TST\"");
        values.put("unitCost", "2.5");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            values.put(fields[i], fields[i + 1]);
        }
        StringBuilder body = new StringBuilder("{");
        values.forEach((name, value) -> body.append(body.length() > 1 ? ", " : "").append('"').append(name)
                .append("\": ").append(value));
        return Api.as(port, "ada").put().uri("/api/v1/items/" + sku).header("Idempotency-Key", key())
                .contentType(MediaType.APPLICATION_JSON).body(body.append('}').toString())
                .retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String json) {
        return Api.as(port, user).post().uri(path).header("Idempotency-Key", key())
                .contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(JsonNode.class);
    }

    private static String key() {
        return "limits-" + UUID.randomUUID();
    }

    private static void assertRefused(ResponseEntity<JsonNode> response, int status, String field) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), "problem+json");
        assertThat(response.getBody().get("type").asText()).isEqualTo("https://invgov.example/problems/validation");
        if (field != null) {
            assertThat(response.getBody().at("/errors/0/field").asText()).as(response.getBody().toString())
                    .isEqualTo(field);
        }
    }

    private List<Long> rows() {
        return List.of("movement", "idempotency_key", "receipt", "lot", "outbox_event").stream()
                .map(table -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).toList();
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
