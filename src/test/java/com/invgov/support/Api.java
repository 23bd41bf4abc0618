package com.invgov.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An HTTP client for the running application, signed in as a demo user (or not at all). */
public final class Api {

    private Api() {
    }

    public static RestClient as(int port, String username) {
        return base(port).defaultHeader(HttpHeaders.AUTHORIZATION, basic(username, "demo")).build();
    }

    public static RestClient anonymous(int port) {
        return base(port).build();
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor after the last event of {@code /api/v1/events} now: what a reader polls from to see only new events. */
    public static String endOfEvents(RestClient client) {
        com.fasterxml.jackson.databind.JsonNode page = client.get().uri("/api/v1/events?limit=1000").retrieve()
                .body(com.fasterxml.jackson.databind.JsonNode.class);
        String cursor = page.get("next").asText();
        while (true) {
            page = client.get().uri("/api/v1/events?limit=1000&after=" + cursor).retrieve()
                    .body(com.fasterxml.jackson.databind.JsonNode.class);
            if (page.get("items").isEmpty()) {
                return cursor;
            }
            cursor = page.get("next").asText();
        }
    }

    private static RestClient.Builder base(int port) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    // tests read the status and body themselves
                });
    }
}
