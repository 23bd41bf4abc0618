package com.invgov.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code GET /api/v1/audit}: newest first, cursor pages, filters, every role reads, bad input is 400. */
@IntegrationTest
class AuditApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesNewestFirstWithACursorAndFiltersBySubjectActorActionAndTime() {
        String location = "P1-WH1-AUP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Instant start = Instant.now().minusSeconds(1);
        // five changes of one location by two admins
        for (int i = 0; i < 5; i++) {
            String admin = i % 2 == 0 ? "ada" : "alan";
            ResponseEntity<JsonNode> r = Api.as(port, admin).put().uri("/api/v1/locations/" + location)
                    .header("Idempotency-Key", "aup-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"warehouse": "P1-WH1", "type": "STOCK", "countable": %s, "allowNegative": false}"""
                            .formatted(i % 2 == 0))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
        }
        String subject = "/api/v1/audit?subjectType=location&subjectId=" + location;

        // pages of two, newest first, by every role (OPERATOR included: DESIGN §7 lets every role read the audit)
        List<JsonNode> all = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = ok("olga", subject + "&limit=2" + (next == null ? "" : "&after=" + next));
            page.get("items").forEach(all::add);
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(5);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i - 1).get("id").asLong()).isGreaterThan(all.get(i).get("id").asLong());
        }
        assertThat(all.get(4).get("action").asText()).isEqualTo("LOCATION_CREATED");
        assertThat(all.subList(0, 4)).allSatisfy(e -> assertThat(e.get("action").asText())
                .isEqualTo("LOCATION_CHANGED"));

        assertThat(ok("audrey", subject + "&actor=alan").get("items")).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("alan"));
        assertThat(ok("audrey", subject + "&action=LOCATION_CREATED").get("items")).singleElement()
                .satisfies(e -> assertThat(e.get("actor").asText()).isEqualTo("ada"));
        assertThat(ok("audrey", subject + "&from=" + start).get("items")).hasSize(5);
        assertThat(ok("audrey", subject + "&to=" + start).get("items")).isEmpty();
        assertThat(ok("audrey", subject + "&from=" + Instant.now().plusSeconds(3600)).get("items")).isEmpty();

        // a single entry by id
        long id = all.get(0).get("id").asLong();
        assertThat(ok("erik", "/api/v1/audit/" + id).get("subjectId").asText()).isEqualTo(location);
        assertThat(Api.as(port, "erik").get().uri("/api/v1/audit/999999999").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void badCursorLimitOrDateIsA400ProblemAndSignInIsRequired() {
        for (String query : List.of("limit=0", "limit=1001", "limit=abc", "after=%25%25%25", "after=bm90LWEtbnVtYmVy",
                "from=yesterday", "to=2026-13-45T00:00:00Z", "from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z")) {
            ResponseEntity<JsonNode> r = Api.as(port, "audrey").get().uri("/api/v1/audit?" + query).retrieve()
                    .toEntity(JsonNode.class);
            assertThat(r.getStatusCode().value()).as(query + ": %s", r.getBody()).isEqualTo(400);
            assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(r.getBody().get("type").asText()).endsWith("/validation");
        }
        assertThat(Api.as(port, "audrey").get().uri("/api/v1/audit/abc").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(Api.anonymous(port).get().uri("/api/v1/audit").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theTableRefusesToChangeOrForgetAnEntry() {
        String location = "P1-WH1-AUX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api.as(port, "ada").put().uri("/api/v1/locations/" + location)
                .header("Idempotency-Key", "aux-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"warehouse\": \"P1-WH1\", \"type\": \"STOCK\", \"countable\": true, \"allowNegative\": false}")
                .retrieve().toBodilessEntity();
        assertThat(count(location)).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'mallory' WHERE subject_id = ?")
                .param(location).update()).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE subject_id = ?").param(location).update())
                .hasStackTraceContaining("append-only");
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE subject_id = ?").param(location)
                .query(String.class).single()).isEqualTo("ada");
    }

    private long count(String subjectId) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ?").param(subjectId)
                .query(Long.class).single();
    }

    private JsonNode ok(String user, String uri) {
        ResponseEntity<JsonNode> r = Api.as(port, user).get().uri(uri).retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as(uri + ": %s", r.getBody()).isEqualTo(200);
        return r.getBody();
    }
}
