package com.invgov.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail of one subject as {@code GET /api/v1/audit} shows it to the auditor, newest first. */
public final class AuditEntries {

    private AuditEntries() {
    }

    public static List<JsonNode> of(int port, String subjectType, String subjectId) {
        ResponseEntity<JsonNode> page = Api.as(port, "audrey").get()
                .uri("/api/v1/audit?limit=1000&subjectType=" + encode(subjectType) + "&subjectId=" + encode(subjectId))
                .retrieve().toEntity(JsonNode.class);
        assertThat(page.getStatusCode().value()).as("%s", page.getBody()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        page.getBody().get("items").forEach(entries::add);
        return entries;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
