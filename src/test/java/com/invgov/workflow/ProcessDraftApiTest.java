package com.invgov.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/processes} and publishing a draft (DESIGN §6, §7): ADMIN uploads, a second ADMIN deploys,
 * new instances start on the new version while running ones stay on theirs. The refusals are in
 * {@link ProcessValidationApiTest}.
 */
@IntegrationTest
class ProcessDraftApiTest {

    static final String BASE = "/api/v1/processes";

    @LocalServerPort
    int port;
    @Autowired
    ProcessStarter processes;

    ResponseEntity<JsonNode> upload(String user, String bpmn) {
        return Api.as(port, user).post().uri(BASE + "?comment={c}", "first cut").contentType(MediaType.APPLICATION_XML)
                .body(bpmn).retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> publish(String user, long draft) {
        return Api.as(port, user).post().uri(BASE + "/drafts/" + draft + "/publish").retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return Api.as(port, user).get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    JsonNode latest(String key) {
        for (JsonNode p : get("olga", BASE).getBody().get("items")) {
            if (p.get("key").asText().equals(key)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void aDraftOfOneAdminPublishedByTheOtherBecomesTheLatestVersionAndNewInstancesStartOnIt() {
        String key = ProcessBpmn.newKey();

        ResponseEntity<JsonNode> created = upload("ada", ProcessBpmn.userTask(key, "work"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode draft = created.getBody();
        long id = draft.get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString(BASE + "/drafts/" + id);
        assertThat(draft.get("processKey").asText()).isEqualTo(key);
        assertThat(draft.get("number").asInt()).isEqualTo(1);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("createdBy").asText()).isEqualTo("ada");
        assertThat(draft.get("comment").asText()).isEqualTo("first cut");
        assertThat(draft.get("name").asText()).isEqualTo("Test process");
        assertThat(latest(key)).as("a draft is not deployed").isNull();

        // the auditor reads it, with its XML; the list leaves the XML out
        JsonNode read = get("audrey", BASE + "/drafts/" + id).getBody();
        assertThat(read.get("bpmn").asText()).contains("id=\"work\"");
        JsonNode listed = get("audrey", BASE + "/drafts?key=" + key).getBody();
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("items").get(0).has("bpmn")).isFalse();

        // four-eyes: its author may not publish it
        ResponseEntity<JsonNode> own = publish("ada", id);
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(own.getBody().get("type").asText()).endsWith("/forbidden");
        assertThat(own.getBody().get("detail").asText()).contains("a second ADMIN must publish it");
        assertThat(latest(key)).isNull();

        ResponseEntity<JsonNode> published = publish("alan", id);
        assertThat(published.getStatusCode().value()).isEqualTo(200);
        assertThat(published.getBody().get("key").asText()).isEqualTo(key);
        assertThat(published.getBody().get("version").asInt()).isEqualTo(1);
        assertThat(published.getBody().get("id").asText()).isNotBlank();
        assertThat(latest(key).get("version").asInt()).isEqualTo(1);
        assertThat(latest(key).get("deploymentId").asText()).isEqualTo(published.getBody().get("deploymentId").asText());
        JsonNode after = get("ada", BASE + "/drafts/" + id).getBody();
        assertThat(after.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(after.get("publishedBy").asText()).isEqualTo("alan");
        assertThat(after.get("deployed").get("version").asInt()).isEqualTo(1);

        String first = "first-" + UUID.randomUUID();
        processes.start(key, first, Map.of());
        assertThat(processes.openTasks(key, first)).containsExactly("work");

        // a new version of the key: new instances use it, the running one stays on version 1
        long second = upload("alan", ProcessBpmn.userTask(key, "reworked")).getBody().get("id").asLong();
        assertThat(get("ada", BASE + "/drafts/" + second).getBody().get("number").asInt()).isEqualTo(2);
        ResponseEntity<JsonNode> v2 = publish("ada", second);
        assertThat(v2.getStatusCode().value()).isEqualTo(200);
        assertThat(v2.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(latest(key).get("version").asInt()).isEqualTo(2);

        String next = "next-" + UUID.randomUUID();
        processes.start(key, next, Map.of());
        assertThat(processes.openTasks(key, next)).containsExactly("reworked");
        assertThat(processes.openTasks(key, first)).containsExactly("work");

        // the audit trail has each save and each deployment with its author and the version it replaced; the refused
        // publish left nothing
        List<JsonNode> audit = com.invgov.support.AuditEntries.of(port, "process", key);
        assertThat(audit).extracting(e -> e.get("action").asText() + " by " + e.get("actor").asText())
                .containsExactly("PROCESS_DEPLOYED by ada", "PROCESS_DRAFT_SAVED by alan",
                        "PROCESS_DEPLOYED by alan", "PROCESS_DRAFT_SAVED by ada");
        assertThat(audit.get(0).get("before").get("version").asInt()).isEqualTo(1);
        assertThat(audit.get(0).get("after").get("version").asInt()).isEqualTo(2);
        assertThat(audit.get(0).get("after").get("author").asText()).isEqualTo("alan");
        assertThat(audit.get(2).get("before").isNull()).as("the key's first version").isTrue();
        assertThat(audit.get(3).get("after").get("draftId").asLong()).isEqualTo(id);
        assertThat(audit.get(3).get("note").asText()).isEqualTo("first cut");
    }

    @Test
    void aDraftWrittenBeforeANewerVersionWasDeployedIsNotPublishedOverIt() {
        String key = ProcessBpmn.newKey();
        long first = upload("ada", ProcessBpmn.userTask(key, "work")).getBody().get("id").asLong();
        long rival = upload("ada", ProcessBpmn.userTask(key, "other")).getBody().get("id").asLong();
        assertThat(publish("alan", first).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> stale = publish("alan", rival);
        assertThat(stale.getStatusCode().value()).as("%s", stale.getBody()).isEqualTo(409);
        assertThat(stale.getBody().get("detail").asText()).contains("version 1 has been deployed since");
        assertThat(latest(key).get("version").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> again = upload("ada", ProcessBpmn.userTask(key, "other"));
        assertThat(again.getBody().get("basedOnVersion").asInt()).isEqualTo(1);
        assertThat(publish("alan", again.getBody().get("id").asLong()).getStatusCode().value()).isEqualTo(200);
        assertThat(latest(key).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void onlyAdminsUploadAndPublishAndOnlyAdminsAndAuditorsReadDrafts() {
        String key = ProcessBpmn.newKey();
        String bpmn = ProcessBpmn.userTask(key, "work");

        for (String user : List.of("olga", "audrey", "ivan", "mes")) {
            ResponseEntity<JsonNode> refused = upload(user, bpmn);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(refused.getBody().get("type").asText()).endsWith("/forbidden");
        }
        assertThat(Api.anonymous(port).post().uri(BASE).contentType(MediaType.APPLICATION_XML).body(bpmn).retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(401);
        assertThat(get("ada", BASE + "/drafts?key=" + key).getBody().get("items")).as("nothing was saved").isEmpty();

        long id = upload("ada", bpmn).getBody().get("id").asLong();
        assertThat(publish("olga", id).getStatusCode().value()).isEqualTo(403);
        assertThat(publish("audrey", id).getStatusCode().value()).isEqualTo(403);
        assertThat(get("olga", BASE + "/drafts").getStatusCode().value()).isEqualTo(403);
        assertThat(get("olga", BASE + "/drafts/" + id).getStatusCode().value()).isEqualTo(403);
        assertThat(get("audrey", BASE + "/drafts").getStatusCode().value()).isEqualTo(200);
        assertThat(get("ada", BASE + "/drafts/999999999").getStatusCode().value()).isEqualTo(404);
        assertThat(publish("alan", 999999999L).getStatusCode().value()).isEqualTo(404);
        assertThat(latest(key)).isNull();
    }

    @Test
    void publishingADraftTwiceIsAConflictAndTwoPublishesAtOnceDeployItOnce() throws Exception {
        String key = ProcessBpmn.newKey();
        long id = upload("ada", ProcessBpmn.userTask(key, "work")).getBody().get("id").asLong();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return publish("alan", id).getStatusCode().value();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(latest(key).get("version").asInt()).as("deployed once").isEqualTo(1);

        ResponseEntity<JsonNode> again = publish("alan", id);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("type").asText()).endsWith("/conflict");
        assertThat(again.getBody().get("detail").asText()).contains("published already");
        assertThat(latest(key).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void malformedRequestsAre4xxNever500AndTheCallsAreDescribedInOpenApi() {
        var ada = Api.as(port, "ada");
        String key = ProcessBpmn.newKey();
        assertThat(ada.post().uri(BASE).contentType(MediaType.TEXT_PLAIN).body("x").retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(415);
        assertThat(ada.post().uri(BASE).contentType(MediaType.APPLICATION_JSON).body("[1]").retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(400);
        assertThat(ada.post().uri(BASE).contentType(MediaType.APPLICATION_JSON).body("{\"comment\": \"no bpmn\"}")
                .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(422);
        assertThat(ada.post().uri(BASE).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(new LinkedMultiValueMap<>(Map.of("comment", List.of("no file")))).retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(400);
        assertThat(get("ada", BASE + "/drafts/abc").getStatusCode().value()).isEqualTo(400);
        assertThat(get("ada", BASE + "/drafts?limit=0").getStatusCode().value()).isEqualTo(400);
        assertThat(get("ada", BASE + "/drafts?after=%25%25").getStatusCode().value()).isEqualTo(400);
        assertThat(publish("alan", -1).getStatusCode().value()).isEqualTo(404);

        // a UTF-8 file with a byte-order mark and a name outside ASCII is read as it was written
        byte[] withBom = ("\uFEFF" + ProcessBpmn.userTask(key, "work").replace("Test process", "Prüfung"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ResponseEntity<JsonNode> bom = ada.post().uri(BASE).contentType(MediaType.APPLICATION_XML).body(withBom)
                .retrieve().toEntity(JsonNode.class);
        assertThat(bom.getStatusCode().value()).as("%s", bom.getBody()).isEqualTo(201);
        assertThat(bom.getBody().get("name").asText()).isEqualTo("Prüfung");

        JsonNode paths = get("audrey", "/v3/api-docs").getBody().get("paths");
        assertThat(paths.has(BASE)).isTrue();
        assertThat(paths.get(BASE).has("post")).isTrue();
        assertThat(paths.has(BASE + "/drafts/{id}/publish")).isTrue();
    }

    @Test
    void aDraftTheEngineRefusesNextToWhatIsDeployedIsAConflictAndStaysADraft() {
        String message = "msg-" + UUID.randomUUID();
        String startedByMessage = """
                <bpmn:userTask id="work" camunda:candidateGroups="OPERATOR"/>""";
        String first = ProcessBpmn.process(ProcessBpmn.newKey(), startedByMessage)
                .replace("<bpmn:startEvent id=\"start\"/>", "<bpmn:startEvent id=\"start\"><bpmn:messageEventDefinition "
                        + "messageRef=\"m\"/></bpmn:startEvent>")
                .replace("</bpmn:definitions>", "<bpmn:message id=\"m\" name=\"" + message + "\"/></bpmn:definitions>");
        String secondKey = ProcessBpmn.newKey();
        String second = first.replaceAll("test-proc-[0-9a-f-]{36}", secondKey);
        assertThat(publish("alan", upload("ada", first).getBody().get("id").asLong()).getStatusCode().value())
                .isEqualTo(200);
        long id = upload("ada", second).getBody().get("id").asLong();

        ResponseEntity<JsonNode> refused = publish("alan", id);

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("detail").asText()).contains(message);
        assertThat(latest(secondKey)).isNull();
        assertThat(get("ada", BASE + "/drafts/" + id).getBody().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void aDraftMayBeSentAsJsonOrAsAFileAndAnIdempotencyKeyReplaysTheFirstAnswer() {
        String key = ProcessBpmn.newKey();
        String bpmn = ProcessBpmn.userTask(key, "work");
        String idempotencyKey = "proc-" + UUID.randomUUID();

        ResponseEntity<JsonNode> json = Api.as(port, "ada").post().uri(BASE).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey).body(Map.of("bpmn", bpmn, "comment", "as JSON"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(json.getStatusCode().value()).isEqualTo(201);
        assertThat(json.getBody().get("comment").asText()).isEqualTo("as JSON");

        ResponseEntity<JsonNode> replayed = Api.as(port, "ada").post().uri(BASE).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey).body(Map.of("bpmn", bpmn, "comment", "as JSON"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(replayed.getStatusCode().value()).isEqualTo(201);
        assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.getBody().get("id").asLong()).isEqualTo(json.getBody().get("id").asLong());

        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "process.bpmn";
            }
        });
        parts.add("comment", "as a file");
        ResponseEntity<JsonNode> file = Api.as(port, "ada").post().uri(BASE).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(JsonNode.class);
        assertThat(file.getStatusCode().value()).isEqualTo(201);
        assertThat(file.getBody().get("number").asInt()).isEqualTo(2);
        assertThat(file.getBody().get("comment").asText()).isEqualTo("as a file");

        JsonNode page = get("audrey", BASE + "/drafts?key=" + key + "&limit=1").getBody();
        assertThat(page.get("items")).extracting(d -> d.get("number").asInt()).containsExactly(2);
        JsonNode rest = get("audrey", BASE + "/drafts?key=" + key + "&limit=1&after=" + page.get("next").asText())
                .getBody();
        assertThat(rest.get("items")).extracting(d -> d.get("number").asInt()).containsExactly(1);
        assertThat(rest.get("next").isNull()).isTrue();
        assertThat(Api.as(port, "ada").get().uri(BASE + "/drafts").header(HttpHeaders.ACCEPT, "application/json")
                .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);
    }
}
