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
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input PostgreSQL cannot store (the NUL character, dates and times out of its range) is refused as
 * {@code validation} before anything runs, never as a 409 {@code conflict} or a 500 (DESIGN §6), and changes nothing.
 */
@IntegrationTest
class BadInputApiTest {

    static final String SKU = "FAS-00001";
    static final String LOCATION = "P1-WH1-A-03-03";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMultipartBodyThatDoesNotParseIsA400OnAnyEndpoint() throws Exception {
        List<Long> before = rows();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/api/v1/movements", "/api/v1/processes", "/api/v1/ecos", "/api/v1/counts")) {
            for (String type : List.of("multipart/form-data; boundary=XX", "multipart/form-data")) {
                java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + path))
                        .header("Authorization", Api.basic("ada", "demo")).header("Content-Type", type)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--XX\r\nContent-Disp")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("%s %s: %s", path, type, answer.body()).isBetween(400, 499);
            }
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void theNulCharacterInAJsonStringIsA400NamingTheField() {
        List<Long> before = rows();

        assertRefused(count("\"countTaskId\": \"\\u0000\""), 400, "countTaskId");
        assertRefused(count("\"lot\": \"L\\u0000\""), 400, "lot");
        assertRefused(post("olga", "/api/v1/counts", """
                {"location": "P1-WH1-A-03-03\\u0000", "sku": "FAS-00001", "countedQuantity": 1, "uom": "EA"}"""),
                400, "location");
        assertRefused(post("ivan", "/api/v1/adjustments", """
                {"location": "P1-WH1-A-03-03", "sku": "FAS-00001", "quantityDelta": -1, "reasonCode": "DAMAGE",
                 "note": "broken\\u0000"}"""), 400, "note");
        // an approval's body is a map of fields: its strings are held to the same
        assertRefused(post("ivan", "/api/v1/tasks/" + UUID.randomUUID() + "/complete", """
                {"approved": true, "comment": "ok\\u0000"}"""), 400, "comment");
        ResponseEntity<JsonNode> key = post("ivan", "/api/v1/tasks/" + UUID.randomUUID() + "/complete", """
                {"approved": true, "com\\u0000ment": "ok"}""");
        assertRefused(key, 400, null);
        assertThat(key.getBody().at("/errors/0/message").asText()).contains("NUL");
        // a lone UTF-16 surrogate: the driver would store it as "?"; a pair (an emoji) is text like any other
        ResponseEntity<JsonNode> surrogate = post("ivan", "/api/v1/adjustments", """
                {"location": "P1-WH1-A-03-03", "sku": "FAS-00001", "quantityDelta": -1, "reasonCode": "DAMAGE",
                 "note": "broken \\ud800"}""");
        assertRefused(surrogate, 400, "note");
        assertThat(surrogate.getBody().at("/errors/0/message").asText()).contains("surrogate");
        ResponseEntity<JsonNode> serial = count("\"serials\": [\"\\udc00x\"]");
        assertRefused(serial, 400, null);
        assertThat(serial.getBody().at("/errors/0/field").asText()).startsWith("serials");

        assertThat(rows()).as("nothing stored: counts, adjustments, movements, idempotency keys").isEqualTo(before);
    }

    @Test
    void theNulCharacterInAQueryParameterOrAHeaderIsA400() throws IOException {
        List<Long> before = rows();

        ResponseEntity<JsonNode> plans = Api.as(port, "olga").get()
                .uri(URI.create("http://localhost:" + port + "/api/v1/count-plans?warehouse=%00")).retrieve()
                .toEntity(JsonNode.class);
        assertRefused(plans, 400, "warehouse");
        ResponseEntity<JsonNode> movements = Api.as(port, "ivan").get()
                .uri(URI.create("http://localhost:" + port + "/api/v1/movements?limit=5&sku=FAS%0000001")).retrieve()
                .toEntity(JsonNode.class);
        assertRefused(movements, 400, "sku");

        // an Idempotency-Key is stored: a raw request, since HTTP clients refuse to send NUL in a header
        String body = "{\"location\": \"" + LOCATION + "\", \"sku\": \"" + SKU + "\", \"countedQuantity\": 1, \"uom\": \"EA\"}";
        String answer = raw("POST /api/v1/counts HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + Api.basic("olga", "demo") + "\r\nIdempotency-Key: k\u0000ey\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                + body);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aPathTomcatRefusesIsStillAnsweredWithProblemDetails() throws IOException {
        for (String path : List.of("/api/v1/items/%00", "/api/v1/items/FAS%2F00001", "/api/v1/counts/%00")) {
            ResponseEntity<JsonNode> answer = Api.as(port, "ivan").get()
                    .uri(URI.create("http://localhost:" + port + path)).retrieve().toEntity(JsonNode.class);
            assertRefused(answer, 400, null);
            assertThat(answer.getBody().get("status").asInt()).isEqualTo(400);
        }
        // what Spring Security's firewall refuses (encoded %, ;, line break, ..): a 400 problem, not the sign-in page
        for (String path : List.of("/api/v1/items/%2520", "/api/v1/items/A%3BB", "/api/v1/items/%0A",
                "/api/v1/items/%2E%2E")) {
            ResponseEntity<JsonNode> answer = Api.as(port, "ivan").get()
                    .uri(URI.create("http://localhost:" + port + path)).retrieve().toEntity(JsonNode.class);
            assertRefused(answer, 400, null);
        }
        // outside the API Tomcat's page stays
        String console = raw("GET /console/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(console).startsWith("HTTP/1.1 400").doesNotContain("problem+json");
    }

    @Test
    void aTimeOutOfTheStorableRangeIsA422InABodyAndA400InAQuery() {
        List<Long> before = rows();

        for (String time : List.of("-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "1899-12-31T23:59:59Z",
                "+999999999-12-31T23:59:59Z")) {
            assertRefused(count("\"eventTime\": \"" + time + "\""), 422, "eventTime");
        }
        // a zoned time counts by its instant
        assertRefused(count("\"eventTime\": \"9999-12-31T23:00:00-05:00\""), 422, "eventTime");

        for (String day : List.of("-999999999-01-01", "%2B999999999-12-31", "1899-12-31", "%2B10000-01-01")) {
            ResponseEntity<JsonNode> read = Api.as(port, "olga").get()
                    .uri(URI.create("http://localhost:" + port + "/api/v1/count-plans?day=" + day)).retrieve()
                    .toEntity(JsonNode.class);
            assertRefused(read, 400, "day");
            assertThat(read.getBody().at("/errors/0/message").asText()).as(day).contains("1900-01-01", "9999-12-31");
        }
        ResponseEntity<JsonNode> asOf = Api.as(port, "ivan").get()
                .uri(URI.create("http://localhost:" + port + "/api/v1/stock/as-of?sku=" + SKU + "&location=" + LOCATION
                        + "&at=-999999999-01-01T00:00:00Z"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(asOf.getStatusCode().value()).as(asOf.toString()).isEqualTo(400);

        // the ends of the range are accepted
        assertThat(Api.as(port, "olga").get().uri("/api/v1/count-plans?day=9999-12-31").retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(Api.as(port, "olga").get().uri("/api/v1/count-plans?day=1900-01-01").retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aTimeAsANumberADuplicateKeyOrACountOfAnotherMonthIsRefusedAndChangesNothing() {
        List<Long> before = rows();

        // Jackson would read 1e300 as 1970-01-01 and 1700000000 as seconds since 1970
        for (String number : List.of("1e300", "1700000000", "-1", "\"1795000000\"", "\"-1\"", "\"1795000000.000\"")) {
            ResponseEntity<JsonNode> numeric = count("\"eventTime\": " + number);
            assertRefused(numeric, 400, "eventTime");
            assertThat(numeric.getBody().at("/errors/0/message").asText()).contains("ISO-8601");
        }
        // a repeated key is no last-one-wins guess, in a record body as in any other
        assertRefused(post("olga", "/api/v1/counts", "{\"location\": \"" + LOCATION + "\", \"sku\": \"" + SKU
                + "\", \"countedQuantity\": 1, \"uom\": \"EA\", \"countedQuantity\": 2}"), 400, null);
        ResponseEntity<JsonNode> site = Api.as(port, "ada").put().uri("/api/v1/sites/P1")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"x\", \"timezone\": \"Europe/Berlin\", \"name\": \"y\"}")
                .retrieve().toEntity(JsonNode.class);
        assertRefused(site, 400, null);
        // an enum is named, not numbered; a whole number is whole
        assertRefused(post("olga", "/api/v1/movements", """
                {"type": 0, "sku": "%s", "quantity": 1, "uom": "EA", "to": {"location": "%s"}}""".formatted(SKU,
                LOCATION)), 400, null);
        assertRefused(post("olga", "/api/v1/movements", """
                {"type": "RECEIPT", "sku": "%s", "quantity": 1, "uom": "EA", "to": {"location": "%s", "status": 0}}"""
                .formatted(SKU, LOCATION)), 400, null);
        assertRefused(post("mes", "/api/v1/receipts", """
                {"po": "PO-26001", "line": 1.5, "quantity": 1, "uom": "EA"}"""), 400, null);
        // a place that is not counted (a scrap area, a dock, a virtual location) takes no count
        for (String place : List.of("P1-WH1-SCRAP", "P1-WH1-DOCK", "SUPPLIER")) {
            assertRefused(post("olga", "/api/v1/counts", "{\"location\": \"" + place + "\", \"sku\": \"" + SKU
                    + "\", \"countedQuantity\": 1, \"uom\": \"EA\"}"), 422, "location");
            // nor a manual adjustment, whose approval may ask for a recount there
            assertRefused(post("olga", "/api/v1/adjustments", "{\"location\": \"" + place + "\", \"sku\": \"" + SKU
                    + "\", \"quantityDelta\": -1, \"uom\": \"EA\", \"reasonCode\": \"LOST\", \"note\": \"x\"}"),
                    422, "location");
        }
        // a count is recorded within 30 days of its event time: its variance would otherwise be posted long ago
        assertRefused(count("\"eventTime\": \"" + Instant.now().minus(Duration.ofDays(31)) + "\""), 422, "eventTime");

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aValueOnlyTheDatabaseRefusesIsA400ValidationNotAConflict() {
        long receipts = jdbc.sql("SELECT count(*) FROM expected_receipt").query(Long.class).single();
        String po = "PO-NUL-" + UUID.randomUUID().toString().substring(0, 8);
        // a CSV body is text, not JSON: the NUL reaches the database, whose refusal (SQLState 22021) is the request's fault
        String csv = "po,line,supplier,sku,quantity,uom,due_date,warehouse\n"
                + po + ",1,S001," + SKU + ",5,EA,2026-12-01,P1-WH1\n"
                + po + "\u0000X,2,S001," + SKU + ",5,EA,2026-12-01,P1-WH1\n";
        ResponseEntity<JsonNode> nul = Api.as(port, "mes").post().uri("/api/v1/expected-receipts/import")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv).retrieve().toEntity(JsonNode.class);
        assertRefused(nul, 400, null);

        // a due date PostgreSQL cannot store (SQLState 22008)
        String far = "po,line,supplier,sku,quantity,uom,due_date,warehouse\n"
                + po + ",1,S001," + SKU + ",5,EA,+9999999-12-01,P1-WH1\n";
        ResponseEntity<JsonNode> range = Api.as(port, "mes").post().uri("/api/v1/expected-receipts/import")
                .contentType(MediaType.parseMediaType("text/csv")).body(far).retrieve().toEntity(JsonNode.class);
        assertThat(range.getStatusCode().value()).as(range.toString()).isBetween(400, 422);
        assertThat(range.getBody().get("type").asText()).endsWith("/validation");

        assertThat(jdbc.sql("SELECT count(*) FROM expected_receipt").query(Long.class).single())
                .as("all or nothing: the good row is not imported either").isEqualTo(receipts);
    }

    private ResponseEntity<JsonNode> count(String field) {
        return post("olga", "/api/v1/counts", "{\"location\": \"" + LOCATION + "\", \"sku\": \"" + SKU
                + "\", \"countedQuantity\": 1, \"uom\": \"EA\", " + field + "}");
    }

    private ResponseEntity<JsonNode> post(String user, String path, String json) {
        return Api.as(port, user).post().uri(path).header("Idempotency-Key", "bad-input-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(JsonNode.class);
    }

    private static void assertRefused(ResponseEntity<JsonNode> response, int status, String field) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), "problem+json");
        assertThat(response.getBody().get("type").asText()).isEqualTo("https://invgov.example/problems/validation");
        if (field != null) {
            assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
        }
    }

    private List<Long> rows() {
        return List.of("count_result", "adjustment", "movement", "idempotency_key").stream()
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
