package com.invgov.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A real Keycloak for the whole test JVM: the distribution Maven unpacked into target/keycloak
 * ({@code org.keycloak:keycloak-quarkus-dist}), started once in dev mode with an in-memory database and the realm
 * of deploy/keycloak/realm-invgov.json imported, stopped when the JVM ends. Its log is target/keycloak-test.log.
 */
public final class KeycloakServer {

    public static final String REALM = "invgov";
    public static final String ADMIN = "admin";
    public static final String DEMO_PASSWORD = "demo";
    public static final String INTEGRATION_CLIENT = "invgov-integration";
    public static final String INTEGRATION_SECRET = "invgov-integration-demo-secret";
    public static final String CLI_CLIENT = "invgov-cli";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeycloakServer running;

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer(int port) {
        this.port = port;
    }

    /**
     * The server of this JVM, started on first use. {@code consoleUrl} is the console's base URL that the
     * realm's console client accepts as redirect target ({@code INVGOV_CONSOLE_URL} in the realm file).
     */
    public static synchronized KeycloakServer start(String consoleUrl) {
        if (running == null) {
            running = launch(consoleUrl);
        }
        return running;
    }

    /** The server the keycloak-mode context started. */
    static synchronized KeycloakServer running() {
        if (running == null) {
            throw new IllegalStateException("Keycloak has not been started");
        }
        return running;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The realm's URL, which is the {@code iss} of its tokens. */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    /** An access token by the password grant of the CLI client (public, direct access grants). */
    public String passwordToken(String username) {
        return passwordToken(CLI_CLIENT, username, DEMO_PASSWORD);
    }

    public String passwordToken(String clientId, String username, String password) {
        return token(issuer(), Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password));
    }

    /** An access token of the integration client's service account (client credentials). */
    public String clientCredentialsToken() {
        return token(issuer(), Map.of("grant_type", "client_credentials", "client_id", INTEGRATION_CLIENT,
                "client_secret", INTEGRATION_SECRET));
    }

    /** Creates a user with the password {@code demo} and the given realm roles, through the admin REST API. */
    public void createUser(String username, List<String> realmRoles) {
        String admin = adminToken();
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "firstName", username, "lastName", "Test", "email", username + "@invgov.example",
                "credentials", List.of(Map.of("type", "password", "value", DEMO_PASSWORD, "temporary", false)));
        send(admin, "POST", "/admin/realms/" + REALM + "/users", user, 201);
        if (!realmRoles.isEmpty()) {
            String id = get(admin, "/admin/realms/" + REALM + "/users?exact=true&username=" + username).get(0)
                    .get("id").asText();
            List<JsonNode> roles = realmRoles.stream()
                    .map(role -> get(admin, "/admin/realms/" + REALM + "/roles/" + role))
                    .toList();
            send(admin, "POST", "/admin/realms/" + REALM + "/users/" + id + "/role-mappings/realm", roles, 204);
        }
    }

    /** Creates a client of the realm from its representation, through the admin REST API. */
    public void createClient(Map<String, Object> client) {
        send(adminToken(), "POST", "/admin/realms/" + REALM + "/clients", client, 201);
    }

    private String adminToken() {
        return token(url() + "/realms/master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", ADMIN, "password", ADMIN));
    }

    private String token(String realmUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(realmUrl
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request refused: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("access_token").asText();
    }

    private JsonNode get(String bearer, String path) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(url() + path))
                .header("Authorization", "Bearer " + bearer).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    private void send(String bearer, String method, String path, Object body, int expected) {
        try {
            HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(url() + path))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " "
                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeycloakServer launch(String consoleUrl) {
        Path home = Path.of(System.getProperty("invgov.test.keycloak.home", "target/keycloak/keycloak-26.7.3"));
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException("No Keycloak distribution at " + home.toAbsolutePath()
                    + ": Maven unpacks it in process-test-resources (./mvnw process-test-resources)");
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(Path.of("deploy/keycloak/realm-invgov.json"), imports.resolve("realm-invgov.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            int port = freePort();
            Path log = Path.of("target/keycloak-test.log");
            ProcessBuilder builder = new ProcessBuilder(kc.toAbsolutePath().toString(), "start-dev",
                    "--http-port=" + port, "--import-realm", "--db=dev-mem")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(Map.of(
                    "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN,
                    "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                    "INVGOV_CONSOLE_URL", consoleUrl));
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));
            KeycloakServer server = new KeycloakServer(port);
            await("Keycloak serving realm " + REALM + " (log: " + log + ")")
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                                    + "; see " + log.toAbsolutePath());
                        }
                        return server.serves();
                    });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean serves() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(issuer()
                            + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
