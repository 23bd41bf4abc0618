package com.invgov.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.CookieBrowser;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/users}: an ADMIN manages local users and their roles (DESIGN §7), and sign-in follows at once. */
@IntegrationTest
class UsersApiTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.invgov.support.MovableClock clock;

    @Test
    void anAdminCreatesAUserWhoSignsInWithTheRolesGivenAndLosesThemWhenChanged() {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> created = put("ada", name, Map.of("roles", List.of("OPERATOR"), "site", "P1",
                "password", PASSWORD));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/users/" + name);
        assertThat(created.getBody().get("roles")).extracting(JsonNode::asText).containsExactly("OPERATOR");
        assertThat(created.getBody().get("enabled").asBoolean()).isTrue();
        assertThat(created.getBody().toString()).doesNotContain("password", "$2a$", "{bcrypt}");

        // the new user signs in with the password given, with the roles given
        assertThat(as(name, PASSWORD).get().uri("/api/v1/tasks").retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(200);
        assertThat(as(name, PASSWORD).get().uri("/api/v1/users").retrieve().toBodilessEntity().getStatusCode()
                .value()).as("an OPERATOR does not read the users").isEqualTo(403);
        assertThat(as(name, PASSWORD).get().uri("/api/v1/users/" + name).retrieve().body(JsonNode.class)
                .get("site").asText()).as("anyone reads their own account").isEqualTo("P1");

        // replaced without a password: the password stays, the roles change at once (no cached sign-in keeps them)
        ResponseEntity<JsonNode> changed = put("alan", name, Map.of("roles", List.of("AUDITOR", "FINANCE")));
        assertThat(changed.getStatusCode().value()).as("%s", changed.getBody()).isEqualTo(200);
        assertThat(changed.getBody().get("roles")).extracting(JsonNode::asText).containsExactly("AUDITOR", "FINANCE");
        assertThat(changed.getBody().get("site").isNull()).as("PUT replaces: no site given").isTrue();
        JsonNode list = as(name, PASSWORD).get().uri("/api/v1/users?limit=1000").retrieve().body(JsonNode.class);
        assertThat(list.get("items")).extracting(u -> u.get("username").asText()).contains(name, "ada", "olga");

        // a new password replaces the old one
        assertThat(put("ada", name, Map.of("roles", List.of("AUDITOR"), "password", PASSWORD + " 2"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(status(name, PASSWORD)).isEqualTo(401);
        assertThat(status(name, PASSWORD + " 2")).isEqualTo(200);

        // disabled: signed out of the API at once; a later change of roles alone leaves the account disabled
        assertThat(put("ada", name, Map.of("roles", List.of("AUDITOR"), "enabled", false)).getStatusCode().value())
                .isEqualTo(200);
        assertThat(status(name, PASSWORD + " 2")).isEqualTo(401);
        ResponseEntity<JsonNode> rolesOnly = put("ada", name, Map.of("roles", List.of("AUDITOR", "FINANCE")));
        assertThat(rolesOnly.getBody().get("enabled").asBoolean()).as("enabled left out: kept").isFalse();
        assertThat(status(name, PASSWORD + " 2")).isEqualTo(401);
        assertThat(put("ada", name, Map.of("roles", List.of("AUDITOR"))).getStatusCode().value()).isEqualTo(200);
        assertThat(Api.as(port, "audrey").get().uri("/api/v1/users/" + name).retrieve().body(JsonNode.class)
                .get("enabled").asBoolean()).isFalse();

        // each change is in the audit trail, newest first, with who made it — and never a password
        List<JsonNode> audit = com.invgov.support.AuditEntries.of(port, "user", name);
        assertThat(audit).extracting(e -> e.get("action").asText() + " by " + e.get("actor").asText())
                .containsExactly("USER_CHANGED by ada", "USER_CHANGED by ada", "USER_CHANGED by ada",
                        "USER_CHANGED by ada", "USER_CHANGED by alan", "USER_CREATED by ada");
        assertThat(audit.get(5).get("before").isNull()).isTrue();
        assertThat(audit.get(5).get("after").get("passwordSet").asBoolean()).isTrue();
        assertThat(audit.get(3).get("after").get("passwordSet").asBoolean()).as("the new password").isTrue();
        assertThat(audit.get(2).get("after").get("enabled").asBoolean()).isFalse();
        assertThat(audit.get(2).get("before").get("enabled").asBoolean()).isTrue();
        assertThat(audit.toString()).doesNotContain(PASSWORD, "{bcrypt}", "$2a$");
        // who holds which role is for those who read the users: other roles read the rest of the trail
        JsonNode asOperator = Api.as(port, "olga").get().uri("/api/v1/audit?subjectType=user&limit=1000").retrieve()
                .body(JsonNode.class);
        assertThat(asOperator.get("items")).isEmpty();
        assertThat(Api.as(port, "olga").get().uri("/api/v1/audit/" + audit.get(0).get("id").asLong()).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aDisabledUserIsSignedOutOfTheConsoleAtTheirNextRequest() {
        String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("ada", name, Map.of("roles", List.of("OPERATOR"), "password", PASSWORD)).getStatusCode()
                .value()).isEqualTo(201);
        CookieBrowser browser = new CookieBrowser();
        String base = "http://localhost:" + port;
        browser.get(base + "/login");
        HttpResponse<String> signedIn = browser.postForm(base + "/login", Map.of("username", name,
                "password", PASSWORD));
        assertThat(CookieBrowser.location(signedIn)).as("signed in").doesNotContain("error");
        assertThat(browser.get(base + "/my-tasks").statusCode()).isEqualTo(200);

        assertThat(put("ada", name, Map.of("roles", List.of("OPERATOR"), "enabled", false)).getStatusCode().value())
                .isEqualTo(200);
        HttpResponse<String> after = browser.get(base + "/my-tasks");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(CookieBrowser.location(after)).endsWith("/login");
        HttpResponse<String> again = browser.postForm(base + "/login", Map.of("username", name, "password", PASSWORD));
        assertThat(CookieBrowser.location(again)).as("a disabled user cannot sign in").contains("error");
    }

    @Test
    void onlyAnAdminChangesUsersAndBadFieldsChangeNothing() {
        String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        long before = users();
        for (String user : List.of("olga", "ivan", "audrey", "mes")) {
            ResponseEntity<JsonNode> refused = put(user, name, Map.of("roles", List.of("ADMIN"), "password",
                    PASSWORD));
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(refused.getBody().get("type").asText()).endsWith("/forbidden");
        }
        Map<String, Map<String, Object>> invalid = Map.of(
                "roles", Map.of("roles", List.of("OPERATOR", "SUPERUSER"), "password", PASSWORD),
                "roles ", Map.of("roles", List.of(), "password", PASSWORD),
                "password", Map.of("roles", List.of("OPERATOR"), "password", "short"),
                "password ", Map.of("roles", List.of("OPERATOR")),
                "password  ", Map.of("roles", List.of("OPERATOR"), "password", "é".repeat(40)),
                "site", Map.of("roles", List.of("OPERATOR"), "password", PASSWORD, "site", "x".repeat(21)));
        invalid.forEach((field, body) -> {
            ResponseEntity<JsonNode> refused = put("ada", name, body);
            assertThat(refused.getStatusCode().value()).as("%s: %s", field, refused.getBody()).isEqualTo(422);
            assertThat(refused.getBody().get("type").asText()).endsWith("/validation");
            assertThat(refused.getBody().toString()).contains(field.strip());
        });
        for (String badName : List.of(".hidden", "with space", "x".repeat(101), "tab\tname")) {
            ResponseEntity<JsonNode> refused = Api.as(port, "ada").put()
                    .uri(java.net.URI.create("http://localhost:" + port + "/api/v1/users/"
                            + java.net.URLEncoder.encode(badName, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20")))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("roles", List.of("OPERATOR"), "password", PASSWORD)).retrieve()
                    .toEntity(JsonNode.class);
            assertThat(refused.getStatusCode().value()).as(badName).isBetween(400, 422);
        }
        ResponseEntity<JsonNode> twin = put("ada", "OLGA", Map.of("roles", List.of("OPERATOR"), "password",
                PASSWORD));
        assertThat(twin.getStatusCode().value()).as("only the case differs from olga").isEqualTo(409);
        assertThat(users()).isEqualTo(before);
        assertThat(Api.as(port, "ada").get().uri("/api/v1/users/" + name).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(Api.as(port, "olga").get().uri("/api/v1/users/ada").retrieve().toBodilessEntity()
                .getStatusCode().value()).as("others' accounts are for ADMIN and AUDITOR").isEqualTo(403);
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        JsonNode ada = Api.as(port, "alan").get().uri("/api/v1/users/ada").retrieve().body(JsonNode.class);
        ResponseEntity<JsonNode> demoted = put("ada", "ada", Map.of("roles", List.of("AUDITOR")));
        assertThat(demoted.getStatusCode().value()).isEqualTo(409);
        assertThat(demoted.getBody().get("detail").asText()).contains("another ADMIN");
        ResponseEntity<JsonNode> disabled = put("ada", "ada", Map.of("roles", List.of("ADMIN"), "enabled", false));
        assertThat(disabled.getStatusCode().value()).isEqualTo(409);
        assertThat(Api.as(port, "alan").get().uri("/api/v1/users/ada").retrieve().body(JsonNode.class))
                .isEqualTo(ada);
        assertThat(status("ada", "demo")).isEqualTo(200);
    }

    @Test
    void anAdminAccountTheAuthorMadeIsNoSecondPairOfEyes() {
        String sock = "sock-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("ada", sock, Map.of("roles", List.of("ADMIN"), "password", PASSWORD)).getStatusCode().value())
                .isEqualTo(201);
        String key = "test-proc-" + UUID.randomUUID();
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
                    <bpmn:userTask id="work" camunda:candidateGroups="OPERATOR"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key);
        ResponseEntity<JsonNode> draft = Api.as(port, "ada").post().uri("/api/v1/processes")
                .contentType(MediaType.APPLICATION_XML).body(bpmn).retrieve().toEntity(JsonNode.class);
        assertThat(draft.getStatusCode().value()).as("%s", draft.getBody()).isEqualTo(201);
        String publish = "/api/v1/processes/drafts/" + draft.getBody().get("id").asLong() + "/publish";

        ResponseEntity<JsonNode> bySock = as(sock, PASSWORD).post().uri(publish).retrieve().toEntity(JsonNode.class);
        assertThat(bySock.getStatusCode().value()).isEqualTo(403);
        assertThat(bySock.getBody().get("detail").asText()).contains("who made " + sock + " an ADMIN");

        // rules alike: a version ada saved is not published by the account she made (nothing is published here)
        ResponseEntity<JsonNode> version = Api.as(port, "ada").post()
                .uri("/api/v1/rulesets/adjustment-tolerance/versions").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"format": "TABLE", "comment": "four-eyes test",
                         "table": {"rows": [{"abcClass": "A", "maxDiffPercent": 2.0, "maxDiffValue": 100.00},
                                            {"abcClass": "B", "maxDiffPercent": 2.0, "maxDiffValue": 250.00},
                                            {"abcClass": "C", "maxDiffPercent": 5.0, "maxDiffValue": 500.00}],
                                   "singleApproverValueLimit": 1000.00}}""")
                .retrieve().toEntity(JsonNode.class);
        assertThat(version.getStatusCode().value()).as("%s", version.getBody()).isEqualTo(201);
        ResponseEntity<JsonNode> rules = as(sock, PASSWORD).post().uri("/api/v1/rulesets/adjustment-tolerance/versions/"
                + version.getBody().get("version").asInt() + "/publish").retrieve().toEntity(JsonNode.class);
        assertThat(rules.getStatusCode().value()).isEqualTo(403);
        assertThat(rules.getBody().get("detail").asText()).contains("who made " + sock + " an ADMIN");

        // an ADMIN the author did not make is the second pair of eyes
        assertThat(Api.as(port, "alan").post().uri(publish).retrieve().toEntity(JsonNode.class).getStatusCode()
                .value()).isEqualTo(200);
    }

    @Test
    void guessingAPasswordIsRefusedForAWhileAfterFiveFailuresInARow() {
        String name = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("ada", name, Map.of("roles", List.of("OPERATOR"), "password", PASSWORD)).getStatusCode()
                .value()).isEqualTo(201);
        try {
            for (int guess = 0; guess < 4; guess++) {
                assertThat(status(name, "guess number " + guess)).isEqualTo(401);
            }
            assertThat(status(name, PASSWORD)).as("four failures: still free").isEqualTo(200);
            for (int guess = 0; guess < 5; guess++) {
                assertThat(status(name, "guess number " + guess)).isEqualTo(401);
            }
            assertThat(status(name, PASSWORD)).as("after five in a row even the right password waits").isEqualTo(401);
            assertThat(statusFrom("127.0.0.2", name, PASSWORD)).as("another address is not affected")
                    .isEqualTo(200);
            assertThat(status(name, PASSWORD)).as("nor does its sign-in end the wait here").isEqualTo(401);
            assertThat(status("olga", "demo")).as("other users are not affected").isEqualTo(200);

            clock.moveTo(java.time.Instant.now().plusSeconds(31));
            assertThat(status(name, PASSWORD)).as("30 s later").isEqualTo(200);
        } finally {
            clock.reset();
        }
    }

    private ResponseEntity<JsonNode> put(String admin, String username, Map<String, ?> body) {
        return Api.as(port, admin).put().uri("/api/v1/users/{name}", username).contentType(MediaType.APPLICATION_JSON)
                .body(new HashMap<>(body)).retrieve().toEntity(JsonNode.class);
    }

    private org.springframework.web.client.RestClient as(String username, String password) {
        return Api.anonymous(port).mutate().defaultHeader(HttpHeaders.AUTHORIZATION, Api.basic(username, password))
                .build();
    }

    private int status(String username, String password) {
        return as(username, password).get().uri("/api/v1/tasks").retrieve().toBodilessEntity().getStatusCode().value();
    }

    /** The status of a request made from another loopback address (the throttle counts per address). */
    private int statusFrom(String address, String username, String password) {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getByName("localhost"), port,
                java.net.InetAddress.getByName(address), 0)) {
            socket.getOutputStream().write(("GET /api/v1/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + Api.basic(username, password) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long users() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }
}
