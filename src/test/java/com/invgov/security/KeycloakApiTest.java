package com.invgov.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.support.Api;
import com.invgov.support.KeycloakIntegrationTest;
import com.invgov.support.KeycloakServer;
import com.invgov.support.KeycloakTestSupport.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak mode, API side, against a real Keycloak: realm roles become application roles, the Keycloak username
 * is the user id, and nothing but a valid, unexpired, untampered access token of the realm gets in.
 */
@KeycloakIntegrationTest
class KeycloakApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    ObjectMapper json;

    @Autowired
    KeycloakServer keycloak;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void anOperatorsPasswordGrantTokenReadsAndWritesAsTheKeycloakUser() throws Exception {
        RestClient olga = bearer(keycloak.passwordToken("olga"));

        assertThat(olga.get().uri("/api/v1/system").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
        ResponseEntity<String> write = olga.post().uri("/api/test/stock-write").retrieve().toEntity(String.class);
        assertThat(write.getStatusCode().value()).isEqualTo(200);
        JsonNode caller = json.readTree(write.getBody());
        assertThat(caller.get("username").asText()).isEqualTo("olga");
        assertThat(caller.get("roles")).extracting(JsonNode::asText).containsExactly("OPERATOR");
    }

    @Test
    void anAuditorReadsButIsRefusedAStockWrite() throws Exception {
        RestClient audrey = bearer(keycloak.passwordToken("audrey"));

        assertThat(audrey.get().uri("/api/v1/system").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
        ResponseEntity<String> write = audrey.post().uri("/api/test/stock-write").retrieve().toEntity(String.class);
        assertProblem(write, 403, "forbidden");
    }

    @Test
    void theIntegrationClientsServiceAccountCarriesIntegration() throws Exception {
        RestClient mes = bearer(keycloak.clientCredentialsToken());

        ResponseEntity<String> write = mes.post().uri("/api/test/stock-write").retrieve().toEntity(String.class);
        assertThat(write.getStatusCode().value()).isEqualTo(200);
        JsonNode caller = json.readTree(write.getBody());
        assertThat(caller.get("username").asText()).isEqualTo("service-account-invgov-integration");
        assertThat(caller.get("roles")).extracting(JsonNode::asText).containsExactly("INTEGRATION");
    }

    @Test
    void aKeycloakAccountWithoutAnInvgovRoleIsForbidden() throws Exception {
        keycloak.createUser("nora-api", List.of());

        ResponseEntity<String> read = bearer(keycloak.passwordToken("nora-api")).get().uri("/api/v1/system")
                .retrieve().toEntity(String.class);
        assertProblem(read, 403, "forbidden");
    }

    /**
     * Expiry without waiting: the application checks {@code exp} against its injected clock, which the test moves
     * past the token's five minutes and the 60 s allowed clock skew; inside the skew the token still counts.
     */
    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = keycloak.passwordToken("olga");
        Instant expiry = Instant.ofEpochSecond(claims(token).get("exp").asLong());

        clock.moveForward(Duration.between(Instant.now(), expiry).plusSeconds(30));
        assertThat(bearer(token).get().uri("/api/v1/system").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(200);

        clock.moveForward(Duration.between(Instant.now(), expiry).plusSeconds(61));
        ResponseEntity<String> refused = bearer(token).get().uri("/api/v1/system").retrieve().toEntity(String.class);
        assertProblem(refused, 401, "unauthorized");
        assertThat(json.readTree(refused.getBody()).get("detail").asText()).contains("expired");
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer").contains("invalid_token");
    }

    @Test
    void aTokenWithAFlippedSignatureByteIsRefused() throws Exception {
        String[] parts = keycloak.passwordToken("olga").split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        ResponseEntity<String> refused = bearer(tampered).get().uri("/api/v1/system").retrieve().toEntity(String.class);
        assertProblem(refused, 401, "unauthorized");
    }

    @Test
    void aTokenWithForgedClaimsIsRefused() throws Exception {
        String[] parts = keycloak.passwordToken("audrey").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"AUDITOR\"", "\"ADMIN\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes())
                + "." + parts[2];

        ResponseEntity<String> refused = bearer(forged).post().uri("/api/test/stock-write").retrieve()
                .toEntity(String.class);
        assertProblem(refused, 401, "unauthorized");
    }

    @Test
    void aTokenOfAClientWithoutTheInvgovApiAudienceIsRefused() throws Exception {
        keycloak.createClient(Map.of("clientId", "other-app-cli", "publicClient", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true));
        String token = keycloak.passwordToken("other-app-cli", "olga", KeycloakServer.DEMO_PASSWORD);

        ResponseEntity<String> refused = bearer(token).get().uri("/api/v1/system").retrieve().toEntity(String.class);
        assertProblem(refused, 401, "unauthorized");
        assertThat(json.readTree(refused.getBody()).get("detail").asText()).contains("invgov-api");
    }

    @Test
    void httpBasicIsNotAcceptedInKeycloakMode() throws Exception {
        ResponseEntity<String> refused = Api.as(port, "olga").get().uri("/api/v1/system").retrieve()
                .toEntity(String.class);
        assertProblem(refused, 401, "unauthorized");
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void noTokenIsUnauthorized() throws Exception {
        ResponseEntity<String> refused = Api.anonymous(port).get().uri("/api/v1/system").retrieve()
                .toEntity(String.class);
        assertProblem(refused, 401, "unauthorized");
    }

    private RestClient bearer(String token) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    // the tests read status and body
                })
                .build();
    }

    private void assertProblem(ResponseEntity<String> response, int status, String type) throws Exception {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("https://invgov.example/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    private JsonNode claims(String token) throws Exception {
        return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
