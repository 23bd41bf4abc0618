package com.invgov.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/processes}: what is deployed, for every role. */
@IntegrationTest
class ProcessApiTest {

    @LocalServerPort
    int port;

    @Test
    void everyRoleReadsTheDeployedProcessesWithTheirVersionAndHistoryTimeToLive() {
        ResponseEntity<JsonNode> answer = Api.as(port, "olga").get().uri("/api/v1/processes").retrieve()
                .toEntity(JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode items = answer.getBody().get("items");
        assertThat(items).extracting(p -> p.get("key").asText())
                .contains("adjustment-approval", "cycle-count", "quality-hold", "receiving");
        assertThat(items).allSatisfy(p -> {
            assertThat(p.get("version").asInt()).isPositive();
            assertThat(p.get("historyTimeToLiveDays").isNull()).as("%s has a history time-to-live", p).isFalse();
        });
        assertThat(Api.as(port, "audrey").get().uri("/api/v1/processes").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
    }
}
