package com.invgov.counting;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.inventory.StockRefused;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import com.invgov.support.MovableClock;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/count-plans} and counts against planned count tasks through the API; count tasks are blind. */
@IntegrationTest
class CountPlanApiTest {

    static final String SKU = CycleCountProcessTest.SKU;
    static final String LOCATION = CycleCountProcessTest.LOCATION;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    MovableClock clock;
    @Autowired
    ApplicationEventPublisher publisher;

    LocalDate tomorrow;

    @BeforeEach
    void cleanSlate() {
        clock.reset();
        CountPlanFixture.forgetAllPlans(jdbc, runtime);
        tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        CountPlanFixture.forgetAllPlans(jdbc, runtime);
    }

    @Test
    void everyRoleReadsPlansButOnlyControllersAndAdminsPlan() {
        for (String user : List.of("olga", "audrey", "fiona", "quinn", "ivan", "mes")) {
            ResponseEntity<JsonNode> read = Api.as(port, user).get().uri("/api/v1/count-plans?warehouse=P1-WH1&day="
                    + tomorrow).retrieve().toEntity(JsonNode.class);
            assertThat(read.getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(read.getBody().get("items").isArray()).isTrue();
            assertThat(read.getBody().get("next").isNull()).isTrue();
        }
        assertThat(Api.anonymous(port).get().uri("/api/v1/count-plans").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(401);

        for (String user : List.of("olga", "audrey", "fiona")) {
            ResponseEntity<JsonNode> refused = post(user, Map.of("day", tomorrow.toString()));
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(refused.getBody().get("type").asText()).endsWith("/forbidden");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM count_plan").query(Long.class).single()).isZero();

        // the default day is today, with the body left out
        assertThat(Api.as(port, "ada").post().uri("/api/v1/count-plans").retrieve().toEntity(JsonNode.class)
                .getBody().get("items")).extracting(p -> p.get("day").asText()).containsOnly(tomorrow.minusDays(1).toString());

        ResponseEntity<JsonNode> planned = post("ivan", Map.of("day", tomorrow.toString()));
        assertThat(planned.getStatusCode().value()).isEqualTo(200);
        assertThat(planned.getBody().get("items")).extracting(p -> p.get("warehouse").asText())
                .containsExactly("P1-WH1", "P1-WH2", "P2-WH1");
        JsonNode wh1 = Api.as(port, "audrey").get().uri("/api/v1/count-plans?warehouse=P1-WH1&day=" + tomorrow)
                .retrieve().body(JsonNode.class).get("items");
        assertThat(wh1).hasSize(1);
        assertThat(wh1.get(0).get("capacity").asInt()).as("the rule set's capacity").isEqualTo(200);
        assertThat(wh1.get(0).get("ruleSetVersion").isInt()).isTrue();
        assertThat(wh1.get(0).get("plannedBy").asText()).isEqualTo("ivan");

        // a page at a time, by warehouse code
        JsonNode first = Api.as(port, "olga").get().uri("/api/v1/count-plans?limit=2&day=" + tomorrow).retrieve()
                .body(JsonNode.class);
        assertThat(first.get("items")).extracting(p -> p.get("warehouse").asText()).containsExactly("P1-WH1", "P1-WH2");
        JsonNode rest = Api.as(port, "olga").get().uri("/api/v1/count-plans?limit=2&day=" + tomorrow + "&after="
                + first.get("next").asText()).retrieve().body(JsonNode.class);
        assertThat(rest.get("items")).extracting(p -> p.get("warehouse").asText()).containsExactly("P2-WH1");
        assertThat(rest.get("items").get(0).get("lines")).isNotEmpty();
        assertThat(rest.get("next").isNull()).isTrue();
        for (String bad : List.of("after=%25%25%25", "limit=0", "limit=1001")) {
            assertThat(Api.as(port, "olga").get().uri(URI.create("http://localhost:" + port + "/api/v1/count-plans?"
                    + bad)).retrieve().toEntity(JsonNode.class).getStatusCode().value()).as(bad).isEqualTo(400);
        }

        // planning is a mutating call: with an Idempotency-Key a retry is answered from the first call
        String key = "plan-" + java.util.UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            ResponseEntity<JsonNode> keyed = Api.as(port, "ivan").post().uri("/api/v1/count-plans")
                    .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("day", tomorrow.plusDays(1).toString())).retrieve().toEntity(JsonNode.class);
            assertThat(keyed.getStatusCode().value()).isEqualTo(200);
            assertThat(keyed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo(attempt == 0 ? null : "true");
            assertThat(keyed.getBody().get("items")).extracting(p -> p.get("day").asText())
                    .containsOnly(tomorrow.plusDays(1).toString());
        }
    }

    @Test
    void badDaysAre4xxProblems() {
        ResponseEntity<JsonNode> garbled = post("ivan", Map.of("day", "2026-13-45"));
        assertThat(garbled.getStatusCode().value()).isEqualTo(400);
        assertThat(garbled.getBody().get("type").asText()).endsWith("/validation");
        ResponseEntity<JsonNode> past = post("ivan", Map.of("day", tomorrow.minusDays(3).toString()));
        assertThat(past.getStatusCode().value()).as("the past").isEqualTo(422);
        assertThat(past.getBody().toString()).contains("day");
        assertThat(post("ivan", Map.of("day", tomorrow.plusDays(90).toString())).getStatusCode().value())
                .as("too far ahead").isEqualTo(422);
        assertThat(Api.as(port, "ivan").get().uri("/api/v1/count-plans?day=yesterday").retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aCountWithAPlannedCountTaskIdIsCheckedAgainstTheTaskAndCompletesIt() {
        refused(SKU, LOCATION);
        JsonNode line = CycleCountProcessTest.line(post("ivan", Map.of("day", tomorrow.toString())).getBody(), SKU,
                LOCATION);
        String taskId = line.get("taskId").asText();

        ResponseEntity<JsonNode> elsewhere = count("olga", taskId, SKU, "P1-WH1-A-03-01", BigDecimal.ZERO);
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(422);
        assertThat(elsewhere.getBody().toString()).contains("countTaskId");
        ResponseEntity<JsonNode> unknown = count("olga", UUID.randomUUID().toString(), SKU, LOCATION, BigDecimal.ONE);
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);

        ResponseEntity<JsonNode> counted = count("olga", taskId, SKU, LOCATION, systemQuantity(SKU, LOCATION));
        assertThat(counted.getStatusCode().value()).as("%s", counted.getBody()).isEqualTo(201);
        assertThat(counted.getBody().get("decision").get("outcome").asText()).isEqualTo("NO_VARIANCE");
        JsonNode after = CycleCountProcessTest.line(Api.as(port, "ivan").get().uri("/api/v1/count-plans?day="
                + tomorrow).retrieve().body(JsonNode.class), SKU, LOCATION);
        assertThat(after.get("status").asText()).isEqualTo("COUNTED");
        assertThat(after.get("countId").asText()).isEqualTo(counted.getBody().get("id").asText());
        // the task is gone: counting it again is refused
        assertThat(count("omar", taskId, SKU, LOCATION, BigDecimal.ONE).getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void countTasksAreBlindInTheTaskListAndInThePlans() {
        refused(SKU, LOCATION);
        JsonNode plans = post("ivan", Map.of("day", tomorrow.toString())).getBody();
        JsonNode line = CycleCountProcessTest.line(plans, SKU, LOCATION);

        JsonNode tasks = Api.as(port, "olga").get().uri("/api/v1/tasks?limit=200").retrieve().body(JsonNode.class);
        JsonNode task = null;
        for (JsonNode t : tasks.get("items")) {
            if (t.get("id").asText().equals(line.get("taskId").asText())) {
                task = t;
            }
        }
        assertThat(task).as("olga (OPERATOR) is offered the count task: %s", tasks).isNotNull();
        assertThat(task.get("processKey").asText()).isEqualTo("cycle-count");
        assertThat(task.get("businessKey").asText()).isEqualTo(line.get("id").asText());
        JsonNode subject = task.get("subject");
        assertThat(subject.get("type").asText()).isEqualTo("count");
        assertThat(subject.get("id").asText()).isEqualTo(line.get("id").asText());
        assertThat(subject.get("sku").asText()).isEqualTo(SKU);
        assertThat(subject.get("location").asText()).isEqualTo(LOCATION);
        assertThat(subject.has("lot")).isTrue();
        JsonNode one = Api.as(port, "olga").get().uri("/api/v1/tasks/" + line.get("taskId").asText()).retrieve()
                .body(JsonNode.class);
        assertThat(one.toString().toLowerCase()).doesNotContain("quantity").doesNotContain("qty");
        assertThat(task.toString().toLowerCase()).doesNotContain("quantity").doesNotContain("qty")
                .doesNotContain("system");
        assertThat(plans.toString().toLowerCase()).doesNotContain("quantity").doesNotContain("qty");
        // ivan (controller) is not a candidate of count tasks
        JsonNode ivans = Api.as(port, "ivan").get().uri("/api/v1/tasks?limit=200").retrieve().body(JsonNode.class);
        assertThat(ivans.get("items").findValuesAsText("id")).doesNotContain(line.get("taskId").asText());
    }

    @Test
    void aCountTaskIsCompletedFromTheTaskInboxWithTheCountedQuantity() {
        refused(SKU, LOCATION);
        JsonNode line = CycleCountProcessTest.line(post("ivan", Map.of("day", tomorrow.toString())).getBody(), SKU,
                LOCATION);
        String taskId = line.get("taskId").asText();

        ResponseEntity<JsonNode> missing = complete("olga", taskId, Map.of("uom", "EA"));
        assertThat(missing.getStatusCode().value()).isEqualTo(422);
        assertThat(missing.getBody().toString()).contains("countedQuantity");
        assertThat(complete("olga", taskId, Map.of("countedQuantity", systemQuantity(SKU, LOCATION), "uom", "EA"))
                .getStatusCode().value()).isEqualTo(204);

        JsonNode after = CycleCountProcessTest.line(Api.as(port, "ivan").get().uri("/api/v1/count-plans?day="
                + tomorrow).retrieve().body(JsonNode.class), SKU, LOCATION);
        assertThat(after.get("status").asText()).isEqualTo("COUNTED");
        assertThat(jdbc.sql("SELECT outcome FROM count_result WHERE id = ?::uuid").param(after.get("countId").asText())
                .query(String.class).single()).isEqualTo("NO_VARIANCE");
    }

    @Test
    void aCountTaskCompletionReadsTheQuantityExactlyAndChecksItsLimits() {
        // a pair of its own, so the huge count below opens nothing on a pair other tests count
        String[] pair = newPair("T7-", "NONE", "0.01");
        String sku = pair[0];
        String location = pair[1];
        refused(sku, location);
        JsonNode line = CycleCountProcessTest.line(post("ivan", Map.of("day", tomorrow.toString())).getBody(), sku,
                location);
        String taskId = line.get("taskId").asText();

        for (String quantity : List.of("1e-400", "100.00000000000000001", "0.0000001", "-0.5", "1000000000000.5",
                "1e13")) {
            ResponseEntity<JsonNode> r = completeRaw("olga", taskId,
                    "{\"countedQuantity\": " + quantity + ", \"uom\": \"EA\"}");
            assertThat(r.getStatusCode().value()).as(quantity + ": %s", r.getBody()).isEqualTo(400);
            assertThat(r.getBody().get("type").asText()).endsWith("/validation");
            assertThat(r.getBody().toString()).as(quantity).contains("countedQuantity");
        }
        JsonNode still = CycleCountProcessTest.line(Api.as(port, "ivan").get().uri("/api/v1/count-plans?day="
                + tomorrow).retrieve().body(JsonNode.class), sku, location);
        assertThat(still.get("status").asText()).as("nothing was counted").isEqualTo("PLANNED");

        ResponseEntity<JsonNode> exact = completeRaw("olga", taskId,
                "{\"countedQuantity\": 123456789012.123456, \"uom\": \"EA\"}");
        assertThat(exact.getStatusCode().value()).as("%s", exact.getBody()).isEqualTo(204);
        JsonNode counted = CycleCountProcessTest.line(Api.as(port, "ivan").get().uri("/api/v1/count-plans?day="
                + tomorrow).retrieve().body(JsonNode.class), sku, location);
        assertThat(counted.get("status").asText()).isEqualTo("COUNTED");
        BigDecimal stored = jdbc.sql("SELECT counted_qty FROM count_result WHERE id = ?::uuid")
                .param(counted.get("countId").asText()).query(BigDecimal.class).single();
        assertThat(stored).isEqualByComparingTo("123456789012.123456");
    }

    @Test
    void aSerialItemsCountTaskIsCompletedWithTheSerialNumbersCounted() {
        String[] pair = newPair("T7S-", "SERIAL", "1");
        String sku = pair[0];
        String location = pair[1];
        String receipt = """
                {"type": "RECEIPT", "sku": "%s", "quantity": 1, "uom": "EA", "serial": "%s", "to": {"location": "%s"}}""";
        received(sku, receipt.formatted(sku, "A1", location), receipt.formatted(sku, "A2", location));
        refused(sku, location);
        String taskId = CycleCountProcessTest.line(post("ivan", Map.of("day", tomorrow.toString())).getBody(), sku,
                location).get("taskId").asText();

        ResponseEntity<JsonNode> notAList = completeRaw("olga", taskId,
                "{\"countedQuantity\": 1, \"uom\": \"EA\", \"serials\": \"A1\"}");
        assertThat(notAList.getStatusCode().is4xxClientError()).isTrue();
        assertThat(notAList.getBody().toString()).contains("serials");
        ResponseEntity<JsonNode> onePerUnit = completeRaw("olga", taskId,
                "{\"countedQuantity\": 2, \"uom\": \"EA\", \"serials\": [\"A1\"]}");
        assertThat(onePerUnit.getStatusCode().value()).isEqualTo(422);
        assertThat(onePerUnit.getBody().toString()).contains("one per unit");

        ResponseEntity<JsonNode> done = completeRaw("olga", taskId,
                "{\"countedQuantity\": 1, \"uom\": \"EA\", \"serials\": [\"A2\"]}");
        assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(204);
        java.util.Map<String, Object> kept = jdbc.sql("SELECT outcome, array_to_string(serials, ',') AS serials, "
                + "adjustment_id::text AS adjustment FROM count_result WHERE count_task_id = ?").param(taskId)
                .query().singleRow();
        assertThat(kept.get("serials")).isEqualTo("A2");
        assertThat(kept.get("outcome")).as("1 of 2 missing is outside a C item's tolerance").isEqualTo("RECOUNT");
        assertThat(jdbc.sql("SELECT array_to_string(serials, ',') FROM adjustment WHERE id = ?::uuid")
                .param(kept.get("adjustment")).query(String.class).single()).isEqualTo("A2");
    }

    @Test
    void aPlannedCountOfAPlaceWithSeveralLotsStaysOpenUntilEachLotIsCounted() {
        String[] pair = newPair("T7L-", "LOT", "0.01");
        String sku = pair[0];
        String location = pair[1];
        String receipt = """
                {"type": "RECEIPT", "sku": "%s", "quantity": %d, "uom": "EA", "lot": "%s", "to": {"location": "%s"}}""";
        received(sku, receipt.formatted(sku, 10, "L1", location), receipt.formatted(sku, 5, "L2", location));
        refused(sku, location);
        JsonNode line = CycleCountProcessTest.line(post("ivan", Map.of("day", tomorrow.toString())).getBody(), sku,
                location);
        assertThat(line.get("lot").isNull()).as("two lots: the plan names none").isTrue();
        String taskId = line.get("taskId").asText();
        assertThat(taskSubject("olga", taskId).get("lots")).extracting(JsonNode::asText).containsExactly("L1", "L2");

        assertThat(complete("olga", taskId, Map.of("countedQuantity", 10, "uom", "EA", "lot", "L1"))
                .getStatusCode().value()).isEqualTo(204);
        // L2 is still to count: the task stays, naming it (never a quantity)
        assertThat(planLine(sku, location).get("status").asText()).isEqualTo("PLANNED");
        JsonNode subject = taskSubject("olga", taskId);
        assertThat(subject.get("lots")).extracting(JsonNode::asText).containsExactly("L2");
        assertThat(subject.toString()).doesNotContain("quantity");

        assertThat(complete("omar", taskId, Map.of("countedQuantity", 5, "uom", "EA", "lot", "L2"))
                .getStatusCode().value()).isEqualTo(204);
        JsonNode counted = planLine(sku, location);
        assertThat(counted.get("status").asText()).isEqualTo("COUNTED");
        assertThat(Api.as(port, "olga").get().uri("/api/v1/tasks/" + taskId).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).as("the task is done").isEqualTo(404);
    }

    @Test
    void aCountOfAnotherLotFoundThereLeavesAPlannedCountOfOneLotOpen() {
        String[] pair = newPair("T7K-", "LOT", "0.01");
        String sku = pair[0];
        String location = pair[1];
        received(sku, """
                {"type": "RECEIPT", "sku": "%s", "quantity": 10, "uom": "EA", "lot": "L1", "to": {"location": "%s"}}"""
                .formatted(sku, location));
        refused(sku, location);
        JsonNode line = CycleCountProcessTest.line(post("ivan", Map.of("day", tomorrow.toString())).getBody(), sku,
                location);
        assertThat(line.get("lot").asText()).isEqualTo("L1");
        String taskId = line.get("taskId").asText();

        // a lot the ledger does not have there: kept (a variance of its own), the planned count of L1 still open
        assertThat(complete("olga", taskId, Map.of("countedQuantity", 3, "uom", "EA", "lot", "L9"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(planLine(sku, location).get("status").asText()).isEqualTo("PLANNED");

        assertThat(complete("olga", taskId, Map.of("countedQuantity", 10, "uom", "EA", "lot", "L1"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(planLine(sku, location).get("status").asText()).isEqualTo("COUNTED");
    }

    // ---- helpers

    /** The movements posted as one batch by olga. */
    private void received(String sku, String... movements) {
        assertThat(Api.as(port, "olga").post().uri("/api/v1/movements/batch").header("Idempotency-Key", "receipt-" + sku)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"movements\": [" + String.join(", ", movements) + "]}")
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
    }

    private JsonNode planLine(String sku, String location) {
        return CycleCountProcessTest.line(Api.as(port, "ivan").get().uri("/api/v1/count-plans?day=" + tomorrow)
                .retrieve().body(JsonNode.class), sku, location);
    }

    private JsonNode taskSubject(String user, String taskId) {
        ResponseEntity<JsonNode> task = Api.as(port, user).get().uri("/api/v1/tasks/" + taskId).retrieve()
                .toEntity(JsonNode.class);
        assertThat(task.getStatusCode().value()).as("%s", task.getBody()).isEqualTo(200);
        return task.getBody().get("subject");
    }

    /** A new C item of this tracking and unit cost and a new countable STOCK location: {sku, location}. */
    private String[] newPair(String prefix, String tracking, String unitCost) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String sku = prefix + suffix;
        String location = "P1-WH1-T7-" + suffix;
        assertThat(Api.as(port, "ada").put().uri("/api/v1/items/" + sku).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"description": "count task test", "baseUom": "EA", "tracking": "%s", "abcClass": "C",
                         "category": "TST", "unitCost": %s, "regulated": false}""".formatted(tracking, unitCost))
                .retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(Api.as(port, "ada").put().uri("/api/v1/locations/" + location)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"warehouse\": \"P1-WH1\", \"type\": \"STOCK\", \"countable\": true, \"allowNegative\": false}")
                .retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful()).isTrue();
        return new String[] {sku, location};
    }

    private ResponseEntity<JsonNode> complete(String user, String taskId, Map<String, Object> fields) {
        return Api.as(port, user).post().uri("/api/v1/tasks/" + taskId + "/complete")
                .contentType(MediaType.APPLICATION_JSON).body(fields).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> completeRaw(String user, String taskId, String json) {
        return Api.as(port, user).post().uri("/api/v1/tasks/" + taskId + "/complete")
                .contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(JsonNode.class);
    }

    private void refused(String sku, String location) {
        publisher.publishEvent(new StockRefused("POSTING", sku, location, null, new BigDecimal("999999"), "test",
                "olga"));
    }

    private ResponseEntity<JsonNode> post(String user, Object body) {
        return Api.as(port, user).post().uri("/api/v1/count-plans").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    private BigDecimal systemQuantity(String sku, String location) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND location = ?")
                .params(sku, location).query(BigDecimal.class).single();
    }

    private ResponseEntity<JsonNode> count(String user, String taskId, String sku, String location,
                                           BigDecimal quantity) {
        return Api.as(port, user).post().uri("/api/v1/counts").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("location", location, "sku", sku, "countedQuantity", quantity, "uom", "EA",
                        "countTaskId", taskId))
                .retrieve().toEntity(JsonNode.class);
    }
}
