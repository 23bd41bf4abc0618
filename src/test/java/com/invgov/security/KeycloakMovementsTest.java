package com.invgov.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.support.KeycloakIntegrationTest;
import com.invgov.support.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak mode and the ledger: the same service-layer role check as in local mode, with the Keycloak username
 * as the movement's {@code postedBy}.
 */
@KeycloakIntegrationTest
class KeycloakMovementsTest {

    private static final String TRANSFER = """
            {"type": "TRANSFER", "sku": "FAS-00001", "quantity": 2, "uom": "BOX",
             "from": {"location": "P1-WH1-A-03-03", "status": "AVAILABLE"},
             "to":   {"location": "P1-WH1-STG", "status": "AVAILABLE"},
             "reference": "KC-TEST"}
            """;

    @LocalServerPort
    int port;
    @Autowired
    KeycloakServer keycloak;
    @Autowired
    ObjectMapper json;

    @Test
    void anOperatorsTokenPostsAMovementRecordedUnderHerKeycloakName() throws Exception {
        ResponseEntity<String> posted = post(keycloak.passwordToken("olga"));

        assertThat(posted.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(posted.getBody()).get("postedBy").asText()).isEqualTo("olga");
    }

    @Test
    void anAuditorsTokenIsRefusedTheMovement() throws Exception {
        ResponseEntity<String> refused = post(keycloak.passwordToken("audrey"));

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("https://invgov.example/problems/forbidden");
    }

    @Test
    void theIntegrationClientPostsAsItsServiceAccount() throws Exception {
        ResponseEntity<String> posted = post(keycloak.clientCredentialsToken());

        assertThat(posted.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(posted.getBody()).get("postedBy").asText())
                .isEqualTo("service-account-invgov-integration");
    }

    private ResponseEntity<String> post(String token) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    // the tests read status and body
                })
                .build()
                .post().uri("/api/v1/movements")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Idempotency-Key", "kc-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .body(TRANSFER)
                .retrieve()
                .toEntity(String.class);
    }
}
