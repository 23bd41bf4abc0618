package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import com.invgov.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task inbox ({@code /api/v1/tasks}) under concurrent claims, completions and counts of one task, its media
 * types, and its cursor pagination: a client never gets a 500 for any of it.
 */
@IntegrationTest
class TaskInboxRacesApiTest {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void concurrentClaimsOfOneTaskByTwoUsersGiveOneHolderAndConflictsNever500() throws Exception {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        for (int round = 0; round < 4; round++) {
            String taskId = approvalTask(f);
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            List<String> who = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String user = i % 2 == 0 ? "iris" : "ivan";
                who.add(user);
                calls.add(() -> f.claim(user, taskId));
            }
            List<ResponseEntity<JsonNode>> answers = together(calls);

            Set<String> winners = new HashSet<>();
            for (int i = 0; i < answers.size(); i++) {
                ResponseEntity<JsonNode> r = answers.get(i);
                int status = r.getStatusCode().value();
                assertThat(status).as("claim by %s: %s", who.get(i), r.getBody()).isIn(200, 409);
                if (status == 200) {
                    winners.add(who.get(i));
                    assertThat(r.getBody().get("assignee").asText()).isEqualTo(who.get(i));
                } else {
                    assertThat(r.getBody().get("type").asText()).endsWith("/conflict");
                }
            }
            assertThat(winners).as("one user holds the task").hasSize(1);
            String holder = winners.iterator().next();
            JsonNode task = Api.as(port, holder).get().uri("/api/v1/tasks/" + taskId).retrieve().body(JsonNode.class);
            assertThat(task.get("assignee").asText()).isEqualTo(holder);
            // claiming again is harmless for the holder, refused for the other
            assertThat(f.claim(holder, taskId).getStatusCode().value()).isEqualTo(200);
            assertThat(f.claim(holder.equals("iris") ? "ivan" : "iris", taskId).getStatusCode().value())
                    .isEqualTo(409);
        }
    }

    @Test
    void aClaimDoesNotOutliveTheRoleOrTheAccountAnAdminTookAway() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        for (boolean disable : List.of(false, true)) {
            String controller = TestUsers.ensure(jdbc, "ctl-" + java.util.UUID.randomUUID().toString()
                    .substring(0, 8), "INVENTORY_CONTROLLER");
            String taskId = approvalTask(f);
            assertThat(f.claim(controller, taskId).getStatusCode().value()).isEqualTo(200);

            ResponseEntity<JsonNode> changed = Api.as(port, "ada").put().uri("/api/v1/users/" + controller)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(java.util.Map.of("roles", List.of(disable ? "INVENTORY_CONTROLLER" : "OPERATOR"),
                            "enabled", !disable))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(changed.getStatusCode().value()).as("%s", changed.getBody()).isEqualTo(200);

            // the former holder can do nothing with it any more; the task is back with the controllers
            assertThat(f.complete(controller, taskId, true, "still mine?").getStatusCode().value())
                    .isEqualTo(disable ? 401 : 403);
            JsonNode task = Api.as(port, "iris").get().uri("/api/v1/tasks/" + taskId).retrieve()
                    .body(JsonNode.class);
            assertThat(task.get("assignee").isNull()).as("released").isTrue();
            assertThat(f.claim("iris", taskId).getStatusCode().value()).isEqualTo(200);
            assertThat(f.complete("iris", taskId, true, "counted it myself").getStatusCode().value()).isEqualTo(204);
        }
    }

    @Test
    void concurrentClaimsByOneUserAllAnswerWithTheTask() throws Exception {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        for (int round = 0; round < 3; round++) {
            String taskId = approvalTask(f);
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> f.claim("iris", taskId));
            }
            for (ResponseEntity<JsonNode> r : together(calls)) {
                assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
                assertThat(r.getBody().get("assignee").asText()).isEqualTo("iris");
            }
        }
    }

    @Test
    void concurrentCompletionsOfOneTaskCompleteItOnceAndNever500() throws Exception {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        for (int round = 0; round < 3; round++) {
            String adjustmentId = request(f);
            String taskId = f.taskOf("iris", adjustmentId).get("id").asText();
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String user = i % 2 == 0 ? "iris" : "ivan";
                calls.add(() -> f.complete(user, taskId, true, null));
            }
            int done = 0;
            for (ResponseEntity<JsonNode> r : together(calls)) {
                int status = r.getStatusCode().value();
                // the losers: gone (404), completed meanwhile (409), or iris approved it already (403)
                assertThat(status).as("%s", r.getBody()).isIn(204, 403, 404, 409);
                if (status == 204) {
                    done++;
                }
            }
            assertThat(done).as("completed once").isEqualTo(1);
            JsonNode adjustment = f.adjustment(adjustmentId);
            assertThat(adjustment.get("approvals")).hasSize(1);
            assertThat(adjustment.get("status").asText()).isEqualTo("POSTED");
        }
    }

    @Test
    void concurrentCountsOfOneRecountTaskCountItOnceAndNever500() throws Exception {
        for (int round = 0; round < 3; round++) {
            // an A item at 10.40: -40 of 2300 is 1.74 % → recount (DESIGN §6.1)
            AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
            ResponseEntity<JsonNode> first = f.count("olga", "2260", "EA", Instant.now(), null);
            assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(201);
            assertThat(first.getBody().at("/decision/outcome").asText()).isEqualTo("RECOUNT");
            String adjustmentId = first.getBody().get("adjustmentId").asText();
            JsonNode recount = f.taskOf("omar", adjustmentId);
            assertThat(recount).as("omar is offered the recount").isNotNull();
            String taskId = recount.get("id").asText();

            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String user = i % 2 == 0 ? "omar" : "ivan";
                calls.add(() -> f.post(user, "/api/v1/counts", """
                        {"location": "%s", "sku": "%s", "countedQuantity": 2260, "uom": "EA", "countTaskId": "%s"}"""
                        .formatted(f.location, f.sku, taskId)));
            }
            int counted = 0;
            for (ResponseEntity<JsonNode> r : together(calls)) {
                int status = r.getStatusCode().value();
                assertThat(status).as("%s", r.getBody()).isLessThan(500);
                if (status == 201) {
                    counted++;
                }
            }
            assertThat(counted).as("the recount task is counted once").isEqualTo(1);
            assertThat(f.taskOf("omar", adjustmentId)).as("the recount task is done").isNull();
        }
    }

    @Test
    void listingTasksWhileTheyAreCompletedNever500s() throws Exception {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            taskIds.add(f.taskOf("iris", request(f)).get("id").asText());
        }
        List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
        for (String taskId : taskIds) {
            calls.add(() -> f.complete("iris", taskId, true, null));
        }
        for (int i = 0; i < 6; i++) {
            calls.add(() -> {
                ResponseEntity<JsonNode> last = null;
                for (int n = 0; n < 10; n++) {
                    last = Api.as(port, "ivan").get().uri("/api/v1/tasks?limit=1000").retrieve()
                            .toEntity(JsonNode.class);
                    if (last.getStatusCode().value() != 200) {
                        return last;
                    }
                }
                return last;
            });
        }
        for (ResponseEntity<JsonNode> r : together(calls)) {
            assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isIn(200, 204);
        }
        JsonNode left = Api.as(port, "ivan").get().uri("/api/v1/tasks?limit=1000").retrieve().body(JsonNode.class);
        assertThat(left.get("items").findValuesAsText("id")).as("completed tasks are not listed")
                .doesNotContainAnyElementsOf(taskIds);
    }

    @Test
    void completeAndPlanRefuseOtherMediaTypesAndChangeNothing() throws Exception {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        String adjustmentId = request(f);
        String taskId = f.taskOf("iris", adjustmentId).get("id").asText();

        ResponseEntity<JsonNode> plain = Api.as(port, "iris").post().uri("/api/v1/tasks/" + taskId + "/complete")
                .contentType(MediaType.TEXT_PLAIN).body("{\"approved\": true}").retrieve().toEntity(JsonNode.class);
        assertThat(plain.getStatusCode().value()).isEqualTo(415);
        assertThat(plain.getBody().get("type").asText()).endsWith("/unsupported-media-type");
        assertThat(f.adjustment(adjustmentId).get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(f.adjustment(adjustmentId).get("approvals")).isEmpty();

        ResponseEntity<JsonNode> emptyPlain = Api.as(port, "iris").post().uri("/api/v1/tasks/" + taskId + "/complete")
                .contentType(MediaType.TEXT_PLAIN).body("").retrieve().toEntity(JsonNode.class);
        assertThat(emptyPlain.getStatusCode().value()).isEqualTo(415);

        // planning with a body that is not JSON, or with no body but a media type other than JSON, plans nothing
        // (a day long past would be refused as 422 if it were read at all)
        ResponseEntity<JsonNode> plan = Api.as(port, "ivan").post().uri("/api/v1/count-plans")
                .contentType(MediaType.TEXT_PLAIN).body("{\"day\": \"2000-01-01\"}").retrieve()
                .toEntity(JsonNode.class);
        assertThat(plan.getStatusCode().value()).as("%s", plan.getBody()).isEqualTo(415);
        assertThat(plan.getBody().get("type").asText()).endsWith("/unsupported-media-type");
        ResponseEntity<JsonNode> form = Api.as(port, "ivan").post().uri("/api/v1/count-plans")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("day=2000-01-01").retrieve()
                .toEntity(JsonNode.class);
        assertThat(form.getStatusCode().value()).as("%s", form.getBody()).isEqualTo(415);
        for (String type : List.of("text/plain", "application/xml", "not a media type")) {
            HttpResponse<String> empty = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/count-plans"))
                    .header("Authorization", Api.basic("ivan", "demo")).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(empty.statusCode()).as("%s: %s", type, empty.body()).isEqualTo(415);
            assertThat(empty.body()).contains("/unsupported-media-type");
        }

        assertThat(f.complete("iris", taskId, true, null).getStatusCode().value()).as("JSON still works")
                .isEqualTo(204);
    }

    @Test
    void theTaskListIsPagedByCursorInAStableOrder() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        for (int i = 0; i < 3; i++) {
            request(f);
        }
        JsonNode all = list("limit=1000");
        assertThat(all.get("next").isNull()).as("fewer than 1000 tasks").isTrue();
        List<String> ids = new ArrayList<>();
        JsonNode previous = null;
        for (JsonNode t : all.get("items")) {
            ids.add(t.get("id").asText());
            if (previous != null) {
                Instant before = Instant.parse(previous.get("created").asText());
                Instant created = Instant.parse(t.get("created").asText());
                assertThat(created).as("oldest first").isAfterOrEqualTo(before);
                if (created.equals(before)) {
                    assertThat(t.get("id").asText()).isGreaterThan(previous.get("id").asText());
                }
            }
            previous = t;
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();

        JsonNode one = list("limit=1");
        assertThat(one.get("items")).hasSize(1);
        assertThat(one.get("next").isTextual()).as("more tasks than one: %s", one).isTrue();

        List<String> walked = new ArrayList<>();
        String next = null;
        for (int pages = 0; pages < 1000; pages++) {
            JsonNode page = list("limit=2" + (next == null ? "" : "&after=" + next));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(t -> walked.add(t.get("id").asText()));
            if (page.get("next").isNull()) {
                break;
            }
            next = page.get("next").asText();
        }
        assertThat(walked).isEqualTo(ids);

        String garbage = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("not a position".getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of("after=***", "after=" + garbage, "limit=0", "limit=1001")) {
            ResponseEntity<JsonNode> r = Api.as(port, "iris").get().uri("/api/v1/tasks?" + bad).retrieve()
                    .toEntity(JsonNode.class);
            assertThat(r.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(r.getBody().get("type").asText()).as(bad).endsWith("/validation");
        }
    }

    // ---- helpers

    private JsonNode list(String query) {
        ResponseEntity<JsonNode> r = Api.as(port, "iris").get().uri("/api/v1/tasks?" + query).retrieve()
                .toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as("%s: %s", query, r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    /** A manual adjustment requested by olga (an operator): both controllers, iris and ivan, may approve it. */
    private String request(AdjustmentFixture f) {
        ResponseEntity<JsonNode> r = f.post("olga", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": 500, "reasonCode": "FOUND", "note": "pallet"}"""
                .formatted(f.location, f.sku));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("id").asText();
    }

    private String approvalTask(AdjustmentFixture f) {
        JsonNode task = f.taskOf("iris", request(f));
        assertThat(task).isNotNull();
        assertThat(task.get("assignee").isNull()).isTrue();
        return task.get("id").asText();
    }

    /** Runs the calls at the same moment, each on its own thread; their answers in order. */
    private static List<ResponseEntity<JsonNode>> together(List<Callable<ResponseEntity<JsonNode>>> calls)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
            for (Callable<ResponseEntity<JsonNode>> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
