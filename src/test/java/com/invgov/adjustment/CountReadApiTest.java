package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/counts/{id}}: the Location a count's 201 names answers the count as the 201 showed it; counts stay
 * blind to operators who did not post them.
 */
@IntegrationTest
class CountReadApiTest {

    @LocalServerPort
    int port;

    private final Instant countTime = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void theLocationOfACountAnswersItAsThe201Did() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        ResponseEntity<JsonNode> posted = f.count("olga", "2290", "EA", countTime, null);
        assertThat(posted.getStatusCode().value()).isEqualTo(201);
        String location = posted.getHeaders().getLocation().toString();

        ResponseEntity<JsonNode> read = get("olga", location);

        assertThat(read.getStatusCode().value()).as("%s", read.getBody()).isEqualTo(200);
        JsonNode count = read.getBody();
        for (String field : List.of("id", "decision", "adjustmentId")) {
            assertThat(count.get(field)).as(field).isEqualTo(posted.getBody().get(field));
        }
        assertThat(count.at("/decision/outcome").asText()).isEqualTo("AUTO_APPROVE");
        assertThat(count.at("/decision/ruleSet").asText()).isEqualTo("adjustment-tolerance");
        assertThat(count.at("/decision/firedRules")).isNotEmpty();
        posted.getBody().get("variance").fieldNames().forEachRemaining(field ->
                assertThat(count.get("variance").get(field).decimalValue()).as(field)
                        .isEqualByComparingTo(posted.getBody().get("variance").get(field).decimalValue()));
        assertThat(count.at("/variance/diffValue").decimalValue()).isEqualByComparingTo("2.60");
        assertThat(count.get("sku").asText()).isEqualTo(f.sku);
        assertThat(count.get("location").asText()).isEqualTo(f.location);
        assertThat(count.get("lot").isNull()).isTrue();
        assertThat(count.get("countedQuantity").decimalValue()).isEqualByComparingTo("2290");
        assertThat(count.get("uom").asText()).isEqualTo("EA");
        assertThat(Instant.parse(count.get("eventTime").asText())).isEqualTo(countTime);
        assertThat(count.get("countedBy").asText()).isEqualTo("olga");
    }

    @Test
    void aCountWithoutVarianceKeepsItsDecisionAndTheUomItWasCountedIn() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        ResponseEntity<JsonNode> posted = f.count("mes", "23", "BOX", countTime, null);

        JsonNode count = get("ivan", "/api/v1/counts/" + posted.getBody().get("id").asText()).getBody();

        assertThat(count.get("decision")).isEqualTo(posted.getBody().get("decision"));
        assertThat(count.at("/decision/outcome").asText()).isEqualTo("NO_VARIANCE");
        assertThat(count.at("/decision/ruleSetVersion").asInt()).isPositive();
        assertThat(count.get("adjustmentId").isNull()).isTrue();
        assertThat(count.get("countedQuantity").decimalValue()).isEqualByComparingTo("23");
        assertThat(count.get("uom").asText()).isEqualTo("BOX");
        assertThat(count.at("/variance/countedQuantity").decimalValue()).isEqualByComparingTo("2300");
        assertThat(count.get("countedBy").asText()).isEqualTo("mes");
    }

    @Test
    void everyRoleButOperatorReadsAnyCountAndAnOperatorOnlyTheirOwn() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        ResponseEntity<JsonNode> first = f.count("olga", "2260", "EA", countTime, null);
        assertThat(first.getBody().at("/decision/outcome").asText()).isEqualTo("RECOUNT");
        String firstId = first.getBody().get("id").asText();

        for (String reader : List.of("ivan", "fiona", "quinn", "erik", "petra", "ada", "audrey", "mes")) {
            assertThat(get(reader, "/api/v1/counts/" + firstId).getStatusCode().value()).as(reader).isEqualTo(200);
        }
        // the recounter must not see what the system holds before recounting
        ResponseEntity<JsonNode> peek = get("omar", "/api/v1/counts/" + firstId);
        assertThat(peek.getStatusCode().value()).isEqualTo(403);
        assertThat(peek.getBody().get("type").asText()).endsWith("/forbidden");
        assertThat(peek.getBody().toString()).doesNotContain("2300");

        ResponseEntity<JsonNode> recount = f.count("omar", "2260", "EA", countTime.plusSeconds(60), firstId);
        assertThat(recount.getStatusCode().value()).isEqualTo(201);
        String recountId = recount.getBody().get("id").asText();
        JsonNode own = get("omar", "/api/v1/counts/" + recountId).getBody();
        assertThat(own.get("recountOf").asText()).isEqualTo(firstId);
        assertThat(own.get("decision")).isEqualTo(recount.getBody().get("decision"));
        assertThat(own.at("/decision/outcome").asText()).isEqualTo("APPROVE");
        assertThat(get("olga", "/api/v1/counts/" + recountId).getStatusCode().value())
                .as("the first counter does not read the recount").isEqualTo(403);
        assertThat(get("olga", "/api/v1/counts/" + firstId).getBody().at("/decision/outcome").asText())
                .as("a count keeps the decision it was answered with, whatever the recount decided")
                .isEqualTo("RECOUNT");
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-count", "a b", "1".repeat(300))) {
            ResponseEntity<JsonNode> r = get("ivan", "/api/v1/counts/" + id);
            assertThat(r.getStatusCode().value()).as(id).isEqualTo(404);
            assertThat(r.getHeaders().getContentType().toString()).as(id).contains("problem+json");
            assertThat(r.getBody().get("type").asText()).as(id).endsWith("/not-found");
        }
        assertThat(Api.anonymous(port).get().uri("/api/v1/counts/" + UUID.randomUUID()).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aReplayedCountAnswersAsBeforeAndItsLocationStillAnswers() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        String key = "t5-read-" + UUID.randomUUID();
        String body = """
                {"location": "%s", "sku": "%s", "countedQuantity": 2290, "uom": "EA", "eventTime": "%s"}"""
                .formatted(f.location, f.sku, countTime);
        ResponseEntity<JsonNode> first = post("olga", key, body);
        ResponseEntity<JsonNode> again = post("olga", key, body);

        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        JsonNode read = get("olga", first.getHeaders().getLocation().toString()).getBody();
        assertThat(read.get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(read.get("decision")).isEqualTo(first.getBody().get("decision"));
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return Api.as(port, user).get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String key, String body) {
        return Api.as(port, user).post().uri("/api/v1/counts").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }
}
