package com.invgov.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.AuditEntries;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving and publishing a rule-set version (and a rollback) land in the audit trail (DESIGN §7). */
@IntegrationTest
class RuleSetAuditTest {

    private static final String BASE = "/api/v1/rulesets/eco-routing";

    @LocalServerPort
    int port;

    @Test
    void aSavedVersionItsPublishingAndARollbackAreAuditedAndARefusedPublishIsNot() {
        long since = newestId();
        int published = get(BASE).get("publishedVersion").asInt();
        String author = get(BASE + "/versions/" + published).get("author").asText();
        JsonNode table = get(BASE + "/versions/" + published).get("table");
        assertThat(table).as("eco-routing's published version is a table").isNotNull();

        // the same policy as a new version: nothing any other test relies on changes
        ResponseEntity<JsonNode> saved = post("ada", BASE + "/versions",
                Map.of("format", "TABLE", "comment", "audit test: same routing", "table", table));
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(201);
        int v = saved.getBody().get("version").asInt();

        // four-eyes refuses ada's own publish: no entry
        assertThat(post("ada", BASE + "/versions/" + v + "/publish", Map.of()).getStatusCode().value())
                .isEqualTo(403);
        assertThat(post("alan", BASE + "/versions/" + v + "/publish", Map.of()).getStatusCode().value())
                .isEqualTo(200);
        // roll back: publish the earlier version again (by an admin who did not write it)
        String rollbacker = "ada".equals(author) ? "alan" : "ada";
        assertThat(post(rollbacker, BASE + "/versions/" + published + "/publish", Map.of()).getStatusCode().value())
                .isEqualTo(200);

        List<JsonNode> entries = AuditEntries.of(port, "ruleset", "eco-routing").stream()
                .filter(e -> e.get("id").asLong() > since).toList();
        assertThat(entries).extracting(e -> e.get("action").asText())
                .containsExactly("RULESET_VERSION_PUBLISHED", "RULESET_VERSION_PUBLISHED", "RULESET_VERSION_SAVED");

        JsonNode save = entries.get(2);
        assertThat(save.get("actor").asText()).isEqualTo("ada");
        assertThat(save.get("before").isNull()).isTrue();
        assertThat(save.at("/after/version").asInt()).isEqualTo(v);
        assertThat(save.at("/after/format").asText()).isEqualTo("TABLE");
        assertThat(save.at("/after/status").asText()).isEqualTo("DRAFT");
        assertThat(save.at("/after/table/alwaysRoles")).isEqualTo(table.get("alwaysRoles"));
        assertThat(save.at("/after/table/writeOffValueLimit").decimalValue())
                .isEqualByComparingTo(table.get("writeOffValueLimit").decimalValue());
        assertThat(save.get("note").asText()).isEqualTo("audit test: same routing");

        JsonNode publish = entries.get(1);
        assertThat(publish.get("actor").asText()).isEqualTo("alan");
        assertThat(publish.at("/before/publishedVersion").asInt()).isEqualTo(published);
        assertThat(publish.at("/after/publishedVersion").asInt()).isEqualTo(v);

        JsonNode rollback = entries.get(0);
        assertThat(rollback.get("actor").asText()).isEqualTo(rollbacker);
        assertThat(rollback.at("/before/publishedVersion").asInt()).isEqualTo(v);
        assertThat(rollback.at("/after/publishedVersion").asInt()).isEqualTo(published);
    }

    @Test
    void aVersionThatDoesNotCompileIsNotAudited() {
        long since = newestId();
        ResponseEntity<JsonNode> refused = post("ada", BASE + "/versions",
                Map.of("format", "DRL", "comment", "broken", "drl", "package x;\nrule \"r\" when then oops end"));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(AuditEntries.of(port, "ruleset", "eco-routing")).noneMatch(e -> e.get("id").asLong() > since);
    }

    private long newestId() {
        JsonNode items = get("/api/v1/audit?limit=1").get("items");
        return items.isEmpty() ? 0 : items.get(0).get("id").asLong();
    }

    private JsonNode get(String path) {
        ResponseEntity<JsonNode> r = Api.as(port, "audrey").get().uri(path).retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as(path + ": %s", r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return Api.as(port, user).post().uri(path).header("Idempotency-Key", "rsa-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }
}
