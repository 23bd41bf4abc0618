package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The task inbox ({@code /api/v1/tasks}) with an approval task: fields checked before anything changes. */
@IntegrationTest
class TaskInboxApiTest {

    @LocalServerPort
    int port;

    @Test
    void aCompletionWithMissingOrWrongFieldsIsRefusedNamingTheFieldAndChangesNothing() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        String id = f.post("ivan", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": 500, "reasonCode": "FOUND", "note": "pallet"}"""
                .formatted(f.location, f.sku)).getBody().get("id").asText();
        JsonNode task = f.taskOf("iris", id);
        assertThat(task.at("/subject/type").asText()).isEqualTo("adjustment");
        assertThat(task.at("/subject/sku").asText()).isEqualTo(f.sku);
        String taskId = task.get("id").asText();

        for (String body : new String[] {"{}", "{\"approved\": \"yes\"}", "{\"approved\": 1}",
                "{\"approved\": true, \"comment\": 42}"}) {
            ResponseEntity<JsonNode> r = complete("iris", taskId, body);
            assertThat(r.getStatusCode().value()).as(body).isEqualTo(422);
            assertThat(r.getBody().toString()).as(body).contains(body.contains("comment") ? "comment" : "approved");
        }
        ResponseEntity<JsonNode> notJson = complete("iris", taskId, "[true]");
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(f.adjustment(id).get("approvals")).isEmpty();

        ResponseEntity<JsonNode> one = Api.as(port, "iris").get().uri("/api/v1/tasks/" + taskId).retrieve()
                .toEntity(JsonNode.class);
        assertThat(one.getStatusCode().value()).isEqualTo(200);
        assertThat(one.getBody().get("businessKey").asText()).isEqualTo(id);
        assertThat(Api.as(port, "olga").get().uri("/api/v1/tasks/" + taskId).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).as("an operator holds no approver role").isEqualTo(403);
        assertThat(Api.as(port, "iris").get().uri("/api/v1/tasks/no-such-task").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);

        assertThat(complete("iris", taskId, "{\"approved\": true}").getStatusCode().value()).isEqualTo(204);
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("POSTED");
    }

    @Test
    void aRetriedCompletionWithItsKeyAnswersAsBeforeAndPostsOnce() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        String id = f.post("ivan", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": 500, "reasonCode": "FOUND", "note": "pallet"}"""
                .formatted(f.location, f.sku)).getBody().get("id").asText();
        String taskId = f.taskOf("iris", id).get("id").asText();

        // claiming is idempotent by itself: the holder claiming again gets the task
        for (int attempt = 0; attempt < 2; attempt++) {
            ResponseEntity<JsonNode> claimed = Api.as(port, "iris").post().uri("/api/v1/tasks/" + taskId + "/claim")
                    .header("Idempotency-Key", "claim-" + java.util.UUID.randomUUID()).retrieve()
                    .toEntity(JsonNode.class);
            assertThat(claimed.getStatusCode().value()).isEqualTo(200);
            assertThat(claimed.getBody().get("assignee").asText()).isEqualTo("iris");
        }

        // the answer to the completion was lost: the retry with the same key gets 204 again, not 404 for a task that
        // is done, and the adjustment is posted once
        String key = "complete-" + java.util.UUID.randomUUID();
        ResponseEntity<JsonNode> first = complete("iris", taskId, "{\"approved\": true, \"comment\": \"ok\"}", key);
        assertThat(first.getStatusCode().value()).isEqualTo(204);
        ResponseEntity<JsonNode> retry = complete("iris", taskId, "{\"comment\": \"ok\", \"approved\": true}", key);
        assertThat(retry.getStatusCode().value()).isEqualTo(204);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("POSTED");
        assertThat(f.adjustment(id).get("approvals")).hasSize(1);
        assertThat(f.onHand()).isEqualByComparingTo("2800");
        // without its key a second completion finds no such task; with the key and another answer it is a conflict
        assertThat(complete("iris", taskId, "{\"approved\": true}").getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> other = complete("iris", taskId, "{\"approved\": false, \"comment\": \"no\"}", key);
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getBody().get("type").asText()).endsWith("/idempotency-conflict");
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("POSTED");
    }

    private ResponseEntity<JsonNode> complete(String user, String taskId, String body, String key) {
        return Api.as(port, user).post().uri("/api/v1/tasks/" + taskId + "/complete").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> complete(String user, String taskId, String body) {
        return Api.as(port, user).post().uri("/api/v1/tasks/" + taskId + "/complete")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }
}
