package com.invgov.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input a client can send gets its 4xx problem details with a stable type, and changes
 * nothing: the ledger, balances, idempotency keys and outbox are the same before and after each test.
 */
@IntegrationTest
class ApiErrorsTest {

    static final String GOOD = """
            {"type": "TRANSFER", "sku": "FAS-00001", "quantity": 1, "uom": "EA",
             "from": {"location": "P1-WH1-A-03-03"}, "to": {"location": "P1-WH1-STG"}}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    String before;

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String type() {
            return body == null || body.get("type") == null ? null
                    : body.get("type").asText().substring(body.get("type").asText().lastIndexOf('/') + 1);
        }

        boolean hasFieldError(String field) {
            if (body == null || body.get("errors") == null) {
                return false;
            }
            for (JsonNode e : body.get("errors")) {
                if (e.get("field").asText().equals(field)) {
                    return true;
                }
            }
            return false;
        }
    }

    @BeforeEach
    void snapshot() {
        before = state();
    }

    @AfterEach
    void nothingChanged() {
        assertThat(state()).as("database unchanged").isEqualTo(before);
    }

    private String state() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM movement) || '/' || (SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = 'FAS-00001')
                    || '/' || (SELECT count(*) FROM idempotency_key) || '/' || (SELECT count(*) FROM outbox_event)
                    || '/' || (SELECT count(*) FROM item)""").query(String.class).single();
    }

    @Test
    void malformedJsonIs400Validation() throws Exception {
        Answer a = post("olga", "/api/v1/movements", "{\"type\": \"TRANSFER\", ", "application/json", key());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.type()).isEqualTo("validation");
        assertThat(a.raw().headers().firstValue("content-type").orElse("")).contains("application/problem+json");
    }

    @Test
    void wrongTypesAndUnknownEnumValuesNameTheField() throws Exception {
        Answer wrongType = post("olga", "/api/v1/movements", GOOD.replace("\"quantity\": 1", "\"quantity\": \"lots\""),
                "application/json", key());
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.hasFieldError("quantity")).isTrue();
        Answer unknownEnum = post("olga", "/api/v1/movements", GOOD.replace("TRANSFER", "TELEPORT"), "application/json", key());
        assertThat(unknownEnum.status()).isEqualTo(400);
        assertThat(unknownEnum.hasFieldError("type")).isTrue();
        Answer status = post("olga", "/api/v1/movements", GOOD.replace("\"P1-WH1-STG\"}", "\"P1-WH1-STG\", \"status\": \"LOST\"}"),
                "application/json", key());
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.hasFieldError("to.status")).isTrue();
        Answer time = post("olga", "/api/v1/movements", GOOD.replace("\"uom\"", "\"eventTime\": \"yesterday\", \"uom\""),
                "application/json", key());
        assertThat(time.status()).isEqualTo(400);
        assertThat(time.hasFieldError("eventTime")).isTrue();
    }

    @Test
    void hugeNumbersAndTooManyDecimalsAreRefused() throws Exception {
        Answer huge = post("olga", "/api/v1/movements", GOOD.replace("\"quantity\": 1", "\"quantity\": 1e400"),
                "application/json", key());
        assertThat(huge.status()).isBetween(400, 422);
        assertThat(huge.type()).isEqualTo("validation");
        Answer enormous = post("olga", "/api/v1/movements", GOOD.replace("\"quantity\": 1", "\"quantity\": " + "9".repeat(5000)),
                "application/json", key());
        assertThat(enormous.status()).isEqualTo(400);
        Answer tooFine = post("olga", "/api/v1/movements", GOOD.replace("\"quantity\": 1", "\"quantity\": 1.0000001"),
                "application/json", key());
        assertThat(tooFine.status()).isEqualTo(422);
        assertThat(tooFine.hasFieldError("quantity")).isTrue();
        Answer above = post("olga", "/api/v1/movements", GOOD.replace("\"quantity\": 1", "\"quantity\": 1000000000001"),
                "application/json", key());
        assertThat(above.status()).isEqualTo(422);
        // the limit is on the base quantity the ledger keeps: 10^10 BOX of 100 are 10^12 EA, one more BOX is too many
        Answer aboveInBase = post("olga", "/api/v1/movements", GOOD.replace("\"quantity\": 1, \"uom\": \"EA\"",
                "\"quantity\": 10000000001, \"uom\": \"BOX\""), "application/json", key());
        assertThat(aboveInBase.status()).isEqualTo(422);
        assertThat(aboveInBase.hasFieldError("quantity")).isTrue();
        Answer negative = post("olga", "/api/v1/movements", GOOD.replace("\"quantity\": 1", "\"quantity\": -1"),
                "application/json", key());
        assertThat(negative.status()).isEqualTo(422);
        Answer limit = get("olga", "/api/v1/movements?limit=99999999999999999999");
        assertThat(limit.status()).isEqualTo(400);
    }

    @Test
    void missingFieldsAndHeadersAre400() throws Exception {
        Answer noSku = post("olga", "/api/v1/movements", GOOD.replace("\"sku\": \"FAS-00001\",", ""), "application/json", key());
        assertThat(noSku.status()).isEqualTo(400);
        assertThat(noSku.hasFieldError("sku")).isTrue();
        Answer noKey = post("olga", "/api/v1/movements", GOOD, "application/json", null);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.hasFieldError("Idempotency-Key")).isTrue();
        Answer noBody = post("olga", "/api/v1/movements", "", "application/json", key());
        assertThat(noBody.status()).isEqualTo(400);
    }

    @Test
    void oversizedBodiesAre413AndOtherMediaTypes415() throws Exception {
        String big = GOOD.replace("\"uom\": \"EA\"", "\"uom\": \"EA\", \"note\": \"" + "x".repeat(1024 * 1024 + 10) + "\"");
        Answer tooLarge = post("olga", "/api/v1/movements", big, "application/json", key());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.type()).isEqualTo("payload-too-large");
        Answer text = post("olga", "/api/v1/movements", GOOD, "text/plain", key());
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.type()).isEqualTo("unsupported-media-type");
    }

    @Test
    void unknownItemLocationAndUomAre422WithFieldErrors() throws Exception {
        Answer a = post("olga", "/api/v1/movements", """
                {"type": "TRANSFER", "sku": "NOPE-1", "quantity": 1, "uom": "EA",
                 "from": {"location": "P9-NOWHERE"}, "to": {"location": "P1-WH1-STG"}}""", "application/json", key());
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.type()).isEqualTo("validation");
        assertThat(a.hasFieldError("sku")).isTrue();
        assertThat(a.hasFieldError("from.location")).isTrue();
        Answer uom = post("olga", "/api/v1/movements", GOOD.replace("\"EA\"", "\"PALLET\""), "application/json", key());
        assertThat(uom.status()).isEqualTo(422);
        assertThat(uom.hasFieldError("uom")).isTrue();
    }

    @Test
    void adjustmentsCannotBePostedHere() throws Exception {
        Answer a = post("olga", "/api/v1/movements", """
                {"type": "ADJUSTMENT", "sku": "FAS-00001", "quantity": 1, "uom": "EA", "reasonCode": "FOUND",
                 "to": {"location": "P1-WH1-A-03-03"}}""", "application/json", key());
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.hasFieldError("type")).isTrue();
    }

    @Test
    void signInAndRolesAreChecked() throws Exception {
        Answer anonymous = post(null, "/api/v1/movements", GOOD, "application/json", key());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.type()).isEqualTo("unauthorized");
        Answer auditor = post("audrey", "/api/v1/movements", GOOD, "application/json", key());
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.type()).isEqualTo("forbidden");
        Answer operatorEditsMasterData = put("olga", "/api/v1/items/FAS-00001", """
                {"description": "x", "baseUom": "EA", "tracking": "NONE", "abcClass": "C", "unitCost": 1}""");
        assertThat(operatorEditsMasterData.status()).isEqualTo(403);
        Answer wrongPassword = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/stock"))
                .header("Authorization", Api.basic("olga", "wrong")).GET().build());
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void badCursorsLimitsAndPathsAre4xx() throws Exception {
        assertThat(get("olga", "/api/v1/movements?limit=5000").status()).isEqualTo(400);
        assertThat(get("olga", "/api/v1/movements?limit=0").status()).isEqualTo(400);
        assertThat(get("olga", "/api/v1/movements?after=!!!").status()).isEqualTo(400);
        assertThat(get("olga", "/api/v1/stock?after=bm9wZQ").status()).isEqualTo(400);
        assertThat(get("olga", "/api/v1/serials?after=garbage").status()).isEqualTo(400);
        assertThat(get("olga", "/api/v1/lots?after=QUJD").status()).isEqualTo(400);
        assertThat(get("olga", "/api/v1/stock?status=GONE").status()).isEqualTo(400);
        assertThat(get("ivan", "/api/v1/events?after=xyz").status()).isEqualTo(400);
        Answer missing = get("olga", "/api/v1/items/NOPE-404");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.type()).isEqualTo("not-found");
        assertThat(get("olga", "/api/v1/no-such-endpoint").status()).isEqualTo(404);
        assertThat(get("olga", "/api/v1/stock/as-of?sku=FAS-00001").status()).isEqualTo(400);
    }

    @Test
    void aBatchWithOneBadMovementPostsNothing() throws Exception {
        String batch = "{\"movements\": [" + GOOD + ", " + GOOD.replace("FAS-00001", "NOPE-2") + "]}";
        Answer a = post("mes", "/api/v1/movements/batch", batch, "application/json", key());
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.hasFieldError("movements[1].sku")).isTrue();
        String tooMany = "{\"movements\": [" + (GOOD + ",").repeat(1000) + GOOD + "]}";
        assertThat(post("mes", "/api/v1/movements/batch", tooMany, "application/json", key()).status()).isEqualTo(400);
        assertThat(post("mes", "/api/v1/movements/batch", "{\"movements\": []}", "application/json", key()).status())
                .isEqualTo(400);
    }

    private static String key() {
        return "err-" + UUID.randomUUID();
    }

    private Answer post(String user, String path, String body, String contentType, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", Api.basic(user, "demo"));
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return send(b.build());
    }

    private Answer put(String user, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", Api.basic(user, "demo"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Answer get(String user, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", Api.basic(user, "demo")).GET().build());
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // the server may close the connection after refusing a huge body before it was sent completely
            throw e;
        }
        JsonNode body = response.body() == null || response.body().isBlank() ? null : json.readTree(response.body());
        return new Answer(response.statusCode(), body, response);
    }
}
