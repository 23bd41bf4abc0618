package com.invgov.security;

import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Local mode: demo users from the database, HTTP Basic for the API, the console behind its login view. */
@IntegrationTest
class SecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void healthIsPublic() {
        ResponseEntity<String> health = Api.anonymous(port).get().uri("/actuator/health").retrieve().toEntity(String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"UP\"");
    }

    @Test
    void theApiRefusesAnonymousCallersWithAProblem() {
        ResponseEntity<Map> response = Api.anonymous(port).get().uri("/api/v1/system").retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat((String) response.getBody().get("type")).endsWith("/unauthorized");
    }

    @Test
    void theApiTakesBasicCredentialsOfADemoUser() {
        ResponseEntity<Map> response = Api.as(port, "audrey").get().uri("/api/v1/system").retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().get(HttpHeaders.SET_COOKIE)).as("stateless: no session").isNull();
        assertThat(((Map<?, ?>) response.getBody().get("database")).get("serverVersion")).asString().startsWith("17");
    }

    @Test
    void aWrongPasswordIsRefused() {
        ResponseEntity<String> response = Api.anonymous(port).get().uri("/api/v1/system")
                .header(HttpHeaders.AUTHORIZATION, Api.basic("ada", "not-demo"))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theApiNeedsNoCsrfToken() {
        // a POST to an unknown API path gets past security (no CSRF refusal) and is answered as not found
        ResponseEntity<Map> response = Api.as(port, "ada").post().uri("/api/v1/no-such-thing")
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat((String) response.getBody().get("type")).endsWith("/not-found");
    }

    @Test
    void theConsoleSendsStrangersToTheLoginView() {
        var client = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        var response = send(client, "/system");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(send(client, "/login").statusCode()).isEqualTo(200);
        // the console's session cookie stays home: not sent with a form another site posts here
        assertThat(response.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(c -> assertThat(c).contains("SameSite=Lax").contains("HttpOnly"));
    }

    @Test
    void theDemoUsersAreSeededWithTheirRolesAndABcryptPassword() {
        List<String> users = jdbc.sql("SELECT username FROM app_user ORDER BY username").query(String.class).list();
        assertThat(users).contains("ada", "alan", "olga", "omar", "pavel", "quinn", "ivan", "iris", "fiona", "erik",
                "petra", "audrey", "mes");
        assertThat(jdbc.sql("SELECT role FROM app_user_role WHERE username = 'ivan'").query(String.class).list())
                .containsExactly("INVENTORY_CONTROLLER");
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'olga'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(passwords.matches("demo", hash)).isTrue();
    }

    private java.net.http.HttpResponse<String> send(java.net.http.HttpClient client, String path) {
        try {
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
