package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.security.NotPermitted;
import com.invgov.support.Api;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.invgov.support.TestUsers;
import com.invgov.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counts and adjustments through the API: each outcome of DESIGN §5.1, every path of adjustment-approval, SoD. */
@IntegrationTest
class AdjustmentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    WorkTasks workTasks;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Adjustments adjustments;

    @Autowired
    AdjustmentFigures figures;

    private final Instant countTime = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aCountThatMatchesOpensNothing() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);

        ResponseEntity<JsonNode> r = f.count("olga", "23", "BOX", countTime, null);

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(r.getBody().at("/variance/diffQuantity").decimalValue()).isZero();
        assertThat(r.getBody().at("/decision/outcome").asText()).isEqualTo("NO_VARIANCE");
        assertThat(r.getBody().get("adjustmentId").isNull()).isTrue();
        assertThat(f.onHand()).isEqualByComparingTo("2300");
    }

    @Test
    void aSmallVarianceOfACItemIsPostedAtOnceAtTheCountsEventTime() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);

        ResponseEntity<JsonNode> r = f.count("olga", "2290", "EA", countTime, null);

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        JsonNode v = r.getBody().get("variance");
        assertThat(v.get("systemQuantity").decimalValue()).isEqualByComparingTo("2300");
        assertThat(v.get("countedQuantity").decimalValue()).isEqualByComparingTo("2290");
        assertThat(v.get("diffQuantity").decimalValue()).isEqualByComparingTo("-10");
        assertThat(v.get("diffValue").decimalValue()).isEqualByComparingTo("2.60");
        assertThat(v.get("diffPercent").decimalValue().doubleValue()).isCloseTo(0.4348, org.assertj.core.data.Offset.offset(0.0001));
        JsonNode d = r.getBody().get("decision");
        assertThat(d.get("outcome").asText()).isEqualTo("AUTO_APPROVE");
        assertThat(d.get("ruleSet").asText()).isEqualTo("adjustment-tolerance");
        assertThat(d.get("ruleSetVersion").asInt()).isPositive();
        assertThat(d.get("firedRules")).isNotEmpty();

        JsonNode a = f.adjustment(r.getBody().get("adjustmentId").asText());
        assertThat(a.get("status").asText()).isEqualTo("POSTED");
        assertThat(a.get("source").asText()).isEqualTo("CYCLE_COUNT");
        assertThat(a.get("movementId").isNull()).isFalse();
        assertThat(f.onHand()).isEqualByComparingTo("2290");
        JsonNode movement = Api.as(port, "ivan").get().uri("/api/v1/movements/" + a.get("movementId").asText())
                .retrieve().body(JsonNode.class);
        assertThat(movement.get("type").asText()).isEqualTo("ADJUSTMENT");
        assertThat(movement.get("quantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(Instant.parse(movement.get("eventTime").asText())).isEqualTo(countTime);
        assertThat(jdbc.sql("SELECT type FROM outbox_event WHERE (subject_type = 'adjustment' AND subject_id = ?) "
                                + "OR (subject_type = 'movement' AND subject_id = ?) ORDER BY tx, seq")
                        .params(a.get("id").asText(), a.get("movementId").asText()).query(String.class).list())
                .as("the change feed in the order things happened")
                .containsExactly("AdjustmentOpened", "MovementPosted", "AdjustmentPosted");
    }

    @Test
    void theWorkedExampleOfAnAItemIsRecountedByAnotherOperatorAndApprovedByAController() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);

        ResponseEntity<JsonNode> first = f.count("olga", "2260", "EA", countTime, null);
        assertThat(first.getBody().at("/decision/outcome").asText()).isEqualTo("RECOUNT");
        String id = first.getBody().get("adjustmentId").asText();
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("PENDING_RECOUNT");

        // the first counter is not offered the recount and may not do it; another operator is
        assertThat(f.taskOf("olga", id)).isNull();
        JsonNode recountTask = f.taskOf("omar", id);
        assertThat(recountTask).isNotNull();
        assertThat(recountTask.get("candidateRoles").toString()).contains("OPERATOR");
        assertThat(recountTask.toString()).doesNotContain("2300");
        ResponseEntity<JsonNode> own = f.count("olga", "2260", "EA", countTime.plusSeconds(60),
                first.getBody().get("id").asText());
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(own.getBody().get("type").asText()).endsWith("/segregation-of-duties");

        ResponseEntity<JsonNode> recount = f.count("omar", "2260", "EA", countTime.plusSeconds(60),
                first.getBody().get("id").asText());
        assertThat(recount.getStatusCode().value()).isEqualTo(201);
        assertThat(recount.getBody().get("adjustmentId").asText()).isEqualTo(id);
        assertThat(recount.getBody().at("/decision/outcome").asText()).isEqualTo("APPROVE");

        JsonNode a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(a.get("quantityDelta").decimalValue()).isEqualByComparingTo("-40");
        assertThat(a.get("value").decimalValue()).isEqualByComparingTo("416.00");
        assertThat(a.at("/decision/approverRoles").toString()).isEqualTo("[\"INVENTORY_CONTROLLER\"]");
        assertThat(a.get("approvals")).isEmpty();

        // counters are not offered the approval and may not give it
        assertThat(f.taskOf("omar", id)).isNull();
        JsonNode approval = f.taskOf("ivan", id);
        assertThat(approval.get("name").asText()).isEqualTo("Approve adjustment");
        assertThat(approval.get("processKey").asText()).isEqualTo("adjustment-approval");
        assertThat(approval.at("/subject/type").asText()).isEqualTo("adjustment");
        assertThat(approval.at("/subject/id").asText()).isEqualTo(id);
        assertThat(f.complete("omar", approval.get("id").asText(), true, null).getStatusCode().value())
                .isEqualTo(403);

        assertThat(f.claim("ivan", approval.get("id").asText()).getStatusCode().value()).isEqualTo(200);
        assertThat(f.complete("ivan", approval.get("id").asText(), true, "recounted twice, box was missing")
                .getStatusCode().value()).isEqualTo(204);

        a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("POSTED");
        assertThat(a.get("movementId").isNull()).isFalse();
        assertThat(a.at("/approvals/0/role").asText()).isEqualTo("INVENTORY_CONTROLLER");
        assertThat(a.at("/approvals/0/by").asText()).isEqualTo("ivan");
        assertThat(a.at("/approvals/0/approved").asBoolean()).isTrue();
        assertThat(a.at("/approvals/0/comment").asText()).isEqualTo("recounted twice, box was missing");
        assertThat(f.onHand()).isEqualByComparingTo("2260");
        assertThat(f.taskOf("ivan", id)).isNull();
    }

    @Test
    void aLargeVarianceNeedsAControllerAndThenFinance() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String id = countedAndRecounted(f, "2180"); // -120 × 10.40 = 1248.00

        JsonNode a = f.adjustment(id);
        assertThat(a.at("/decision/approverRoles").toString())
                .isEqualTo("[\"INVENTORY_CONTROLLER\",\"FINANCE\"]");
        assertThat(f.taskOf("fiona", id)).as("finance comes second").isNull();
        f.approve("ivan", id);
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(f.onHand()).isEqualByComparingTo("2300");
        assertThat(f.taskOf("iris", id)).as("the controller's part is done").isNull();

        f.approve("fiona", id);
        a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("POSTED");
        assertThat(a.get("approvals")).hasSize(2);
        assertThat(f.onHand()).isEqualByComparingTo("2180");
    }

    @Test
    void aRejectionNeedsACommentAndPostsNothing() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String id = countedAndRecounted(f, "2260");
        String task = f.taskOf("ivan", id).get("id").asText();

        ResponseEntity<JsonNode> bare = f.complete("ivan", task, false, " ");
        assertThat(bare.getStatusCode().is4xxClientError()).isTrue();
        assertThat(bare.getBody().get("type").asText()).endsWith("/validation");

        assertThat(f.complete("ivan", task, false, "the bin was mislabelled").getStatusCode().value()).isEqualTo(204);
        JsonNode a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("REJECTED");
        assertThat(a.get("movementId").isNull()).isTrue();
        assertThat(a.at("/approvals/0/approved").asBoolean()).isFalse();
        assertThat(f.onHand()).isEqualByComparingTo("2300");
        assertThat(jdbc.sql("SELECT type FROM outbox_event WHERE subject_type = 'adjustment' AND subject_id = ? "
                        + "ORDER BY occurred_at, seq").param(id).query(String.class).list())
                .as("the change feed tells integrations").containsExactly("AdjustmentOpened",
                        "AdjustmentApprovalRequested", "AdjustmentRejected");
    }

    @Test
    void aLatePostingThatExplainsTheVarianceClosesTheAdjustmentWithoutPosting() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String id = countedAndRecounted(f, "2260");
        // an issue that happened before the count is posted only now: the variance is gone
        f.move("ISSUE", 40, f.location, null, countTime.minusSeconds(600));

        f.approve("ivan", id);

        JsonNode a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("CLOSED");
        assertThat(a.at("/decision/outcome").asText()).isEqualTo("NO_VARIANCE");
        assertThat(a.get("movementId").isNull()).isTrue();
        assertThat(f.onHand()).isEqualByComparingTo("2260");
    }

    @Test
    void aLatePostingThatGrowsTheVarianceIsDecidedAgainAndApprovalsGivenCount() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String id = countedAndRecounted(f, "2260");
        // a receipt from before the count arrives late: -140 × 10.40 = 1456.00 needs finance too
        f.move("RECEIPT", 100, null, f.location, countTime.minusSeconds(600));

        f.approve("ivan", id);

        JsonNode a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(a.get("quantityDelta").decimalValue()).isEqualByComparingTo("-140");
        assertThat(a.at("/decision/approverRoles").toString()).isEqualTo("[\"INVENTORY_CONTROLLER\",\"FINANCE\"]");
        assertThat(f.taskOf("iris", id)).as("the controller's approval still counts").isNull();
        f.approve("fiona", id);
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("POSTED");
        assertThat(f.onHand()).isEqualByComparingTo("2260");
    }

    @Test
    void aPostingThatWouldGoBelowZeroIsAConflictAndAsksForARecount() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String id = countedAndRecounted(f, "2260");
        // after the count, almost everything is issued: taking 40 now would go below zero
        f.move("ISSUE", 2290, f.location, null, Instant.now().minusSeconds(60));

        f.approve("ivan", id);

        JsonNode a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("CONFLICT");
        assertThat(a.get("movementId").isNull()).isTrue();
        assertThat(f.onHand()).isEqualByComparingTo("10");
        JsonNode ledger = Api.as(port, "ivan").get()
                .uri("/api/v1/movements?sku=" + f.sku + "&location=" + f.location).retrieve().body(JsonNode.class);
        assertThat(ledger.get("items")).as("the refused posting left nothing in the ledger")
                .noneMatch(m -> m.get("type").asText().equals("ADJUSTMENT"));
        assertThat(f.taskOf("pavel", id)).as("a recount is raised for an operator who has not counted").isNotNull();
    }

    @Test
    void anApprovalWaiting24HoursIsFlaggedAndStaysOpen() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String id = countedAndRecounted(f, "2260");
        assertThat(f.adjustment(id).get("escalated").asBoolean()).isFalse();

        assertThat(workTasks.runTimersNow(id)).isEqualTo(1);

        assertThat(f.adjustment(id).get("escalated").asBoolean()).isTrue();
        assertThat(f.taskOf("ivan", id)).as("the timer does not interrupt the approval").isNotNull();
    }

    @Test
    void aManualRequestInsideToleranceIsPostedAtOnce() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        ResponseEntity<JsonNode> r = f.post("ivan", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "lot": null, "quantityDelta": -10, "reasonCode": "DAMAGED",
                 "note": "crushed box"}""".formatted(f.location, f.sku));

        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().get("source").asText()).isEqualTo("MANUAL");
        assertThat(r.getBody().get("reasonCode").asText()).isEqualTo("DAMAGED");
        assertThat(r.getBody().at("/decision/outcome").asText()).isEqualTo("AUTO_APPROVE");
        assertThat(r.getBody().get("status").asText()).isEqualTo("POSTED");
        assertThat(f.onHand()).isEqualByComparingTo("2290");
    }

    @Test
    void theRequesterOfAManualAdjustmentMayNotApproveIt() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        ResponseEntity<JsonNode> r = f.post("ivan", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": 500, "reasonCode": "FOUND", "note": "pallet"}"""
                .formatted(f.location, f.sku));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        String id = r.getBody().get("id").asText();
        assertThat(r.getBody().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(r.getBody().at("/decision/approverRoles").toString()).isEqualTo("[\"INVENTORY_CONTROLLER\"]");

        assertThat(f.taskOf("ivan", id)).as("not offered to the requester").isNull();
        String task = f.taskOf("iris", id).get("id").asText();
        ResponseEntity<JsonNode> own = f.complete("ivan", task, true, "mine");
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(own.getBody().get("type").asText()).endsWith("/segregation-of-duties");
        ResponseEntity<JsonNode> claim = f.claim("ivan", task);
        assertThat(claim.getStatusCode().value()).isEqualTo(403);
        assertThat(claim.getBody().get("type").asText()).endsWith("/segregation-of-duties");

        f.approve("iris", id);
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("POSTED");
        assertThat(f.onHand()).isEqualByComparingTo("2800");
    }

    @Test
    void aManualRequestNeedsAKnownReasonCodeAndAnIdempotencyKey() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 100);
        ResponseEntity<JsonNode> r = f.post("ivan", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": -1, "reasonCode": "BECAUSE"}"""
                .formatted(f.location, f.sku));
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().toString()).contains("reasonCode");

        ResponseEntity<JsonNode> noKey = Api.as(port, "ivan").post().uri("/api/v1/adjustments")
                .contentType(MediaType.APPLICATION_JSON)
                .body(manualRequest(f, -1))
                .retrieve().toEntity(JsonNode.class);
        assertThat(noKey.getStatusCode().value()).isEqualTo(400);
        assertThat(noKey.getBody().toString()).contains("Idempotency-Key");
        assertThat(openedFor(f)).as("nothing was opened").isZero();
        assertThat(f.onHand()).isEqualByComparingTo("100");
    }

    @Test
    void aManualRequestRepeatedWithTheSameKeyIsAnsweredAgainAndOpenedOnce() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        String key = "adj-" + f.sku;
        RestClient ivan = Api.as(port, "ivan");
        ResponseEntity<JsonNode> first = ivan.post().uri("/api/v1/adjustments").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(manualRequest(f, 500)).retrieve()
                .toEntity(JsonNode.class);
        // the same request, its members in another order and spaced otherwise: the same body as parsed JSON
        ResponseEntity<JsonNode> again = ivan.post().uri("/api/v1/adjustments").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"reasonCode\":\"FOUND\",\"quantityDelta\":500,\"sku\":\"%s\",\"location\":\"%s\"}"
                        .formatted(f.sku, f.location))
                .retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> other = ivan.post().uri("/api/v1/adjustments").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(manualRequest(f, 501)).retrieve()
                .toEntity(JsonNode.class);

        assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getBody().get("type").asText()).endsWith("/idempotency-conflict");
        assertThat(openedFor(f)).as("one adjustment").isEqualTo(1);
        f.approve("iris", first.getBody().get("id").asText());
        assertThat(f.onHand()).isEqualByComparingTo("2800");
    }

    @Test
    void nobodyApprovesTwiceNotEvenHoldingBothRolesTheDecisionNames() {
        String dual = TestUsers.ensure(jdbc, "t5-dora", "INVENTORY_CONTROLLER");
        TestUsers.ensure(jdbc, dual, "FINANCE");
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String id = countedAndRecounted(f, "2180"); // 1248.00: the controller, then finance
        f.approve(dual, id);
        assertThat(f.adjustment(id).at("/approvals/0/role").asText()).isEqualTo("INVENTORY_CONTROLLER");

        assertThat(f.taskOf(dual, id)).as("the finance task is not offered to who approved as controller").isNull();
        String financeTask = f.taskOf("fiona", id).get("id").asText();
        ResponseEntity<JsonNode> twice = f.complete(dual, financeTask, true, "as finance now");
        assertThat(twice.getStatusCode().value()).isEqualTo(403);
        assertThat(twice.getBody().get("type").asText()).endsWith("/segregation-of-duties");
        ResponseEntity<JsonNode> claim = f.claim(dual, financeTask);
        assertThat(claim.getStatusCode().value()).isEqualTo(403);
        assertThat(claim.getBody().get("type").asText()).endsWith("/segregation-of-duties");
        JsonNode a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(a.get("approvals")).hasSize(1);
        assertThat(f.onHand()).isEqualByComparingTo("2300");

        f.approve("fiona", id);
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("POSTED");
        assertThat(f.onHand()).isEqualByComparingTo("2180");
    }

    @Test
    void aCounterCannotReadTheAdjustmentOfTheirCount() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        ResponseEntity<JsonNode> first = f.count("olga", "2260", "EA", countTime, null);
        String id = first.getBody().get("adjustmentId").asText();

        assertThat(read("olga", id).getStatusCode().value()).isEqualTo(403);
        assertThat(read("omar", id).getStatusCode().value()).as("nor the operator who recounts").isEqualTo(403);
    }

    @Test
    void everyRoleButAnOperatorReadsAdjustmentsAndTheirCountHistory() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String id = f.count("olga", "2260", "EA", countTime, null).getBody().get("adjustmentId").asText();
        ResponseEntity<JsonNode> request = f.post("omar", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": -1, "reasonCode": "DAMAGED"}"""
                .formatted(f.location, f.sku));
        String own = request.getBody().get("id").asText();

        for (String reader : List.of("petra", "erik", "mes", "audrey", "fiona", "quinn", "ada")) {
            ResponseEntity<JsonNode> r = read(reader, id);
            assertThat(r.getStatusCode().value()).as("%s: %s", reader, r.getBody()).isEqualTo(200);
            assertThat(r.getBody().get("quantityDelta").decimalValue()).isEqualByComparingTo("-40");
        }
        assertThat(read("omar", own).getStatusCode().value()).as("an operator reads their own request")
                .isEqualTo(200);
        assertThat(read("olga", own).getStatusCode().value()).as("not another operator's").isEqualTo(403);

        for (String[] reader : List.of(new String[] {"petra", "PLANNER"}, new String[] {"erik", "ENGINEER"},
                new String[] {"mes", "INTEGRATION"})) {
            ConsoleSession.signIn(context, reader[0], reader[1]);
            try {
                assertThat(adjustments.countHistory(f.sku, f.location, 10)).as(reader[0])
                        .extracting(c -> c.systemQuantity().toPlainString()).containsExactly("2300");
                assertThat(figures.escalated()).as("and the adjustment figures").isNotNull();
            } finally {
                ConsoleSession.close();
            }
        }
        ConsoleSession.signIn(context, "olga", "OPERATOR");
        try {
            assertThatThrownBy(() -> adjustments.countHistory(f.sku, f.location, 10))
                    .as("counts are blind").isInstanceOf(NotPermitted.class);
        } finally {
            ConsoleSession.close();
        }
    }

    @Test
    void aRegulatedItemIsRecountedEvenInsideToleranceAndNeedsQualityAndAController() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", true, 2300);
        ResponseEntity<JsonNode> first = f.count("olga", "2299", "EA", countTime, null);
        assertThat(first.getBody().at("/decision/outcome").asText()).isEqualTo("RECOUNT");
        ResponseEntity<JsonNode> recount = f.count("omar", "2299", "EA", countTime,
                first.getBody().get("id").asText());
        assertThat(recount.getBody().at("/decision/outcome").asText()).isEqualTo("APPROVE");
        assertThat(recount.getBody().at("/decision/approverRoles").toString())
                .isEqualTo("[\"QUALITY\",\"INVENTORY_CONTROLLER\"]");
        String id = first.getBody().get("adjustmentId").asText();

        f.approve("quinn", id);
        f.approve("ivan", id);
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("POSTED");
        assertThat(f.onHand()).isEqualByComparingTo("2299");
    }

    @Test
    void aCountRepeatedWithTheSameKeyIsAnsweredAgainAndCountedOnce() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        String body = """
                {"location": "%s", "sku": "%s", "countedQuantity": 2290, "uom": "EA", "eventTime": "%s"}"""
                .formatted(f.location, f.sku, countTime);
        RestClient olga = Api.as(port, "olga");
        ResponseEntity<JsonNode> first = olga.post().uri("/api/v1/counts").header("Idempotency-Key", "c-" + f.sku)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> again = olga.post().uri("/api/v1/counts").header("Idempotency-Key", "c-" + f.sku)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody().get("adjustmentId")).isEqualTo(first.getBody().get("adjustmentId"));
        assertThat(f.onHand()).isEqualByComparingTo("2290");
    }

    @Test
    void aCountInAnUnknownUomIsRefused() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 10);
        ResponseEntity<JsonNode> r = f.count("olga", "1", "PALLET", countTime, null);
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().toString()).contains("uom");
    }

    @Test
    void aRecountTaskTakesOnlyACountOfItsOwnItemAndLocationAndOnlyFromWhoeverHoldsIt() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        AdjustmentFixture other = AdjustmentFixture.item(port, "A", "10.40", false, 500);
        ResponseEntity<JsonNode> first = f.count("olga", "2260", "EA", countTime, null);
        String id = first.getBody().get("adjustmentId").asText();
        String task = f.taskOf("omar", id).get("id").asText();

        ResponseEntity<JsonNode> elsewhere = other.post("omar", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "countedQuantity": 995, "uom": "EA", "countTaskId": "%s"}"""
                .formatted(other.location, other.sku, task));
        assertThat(elsewhere.getStatusCode().value()).as("%s", elsewhere.getBody()).isEqualTo(422);
        assertThat(elsewhere.getBody().toString()).contains("countTaskId").contains(f.sku);

        assertThat(f.claim("omar", task).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> notTheHolder = f.post("pavel", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "countedQuantity": 2260, "uom": "EA", "countTaskId": "%s"}"""
                .formatted(f.location, f.sku, task));
        assertThat(notTheHolder.getStatusCode().value()).as("%s", notTheHolder.getBody()).isEqualTo(409);
        assertThat(notTheHolder.getBody().get("detail").asText()).contains("claimed by omar");

        JsonNode a = f.adjustment(id);
        assertThat(a.get("status").asText()).as("neither changed the adjustment").isEqualTo("PENDING_RECOUNT");
        assertThat(a.get("quantityDelta").decimalValue()).isEqualByComparingTo("-40");
        assertThat(other.onHand()).isEqualByComparingTo("500");

        ResponseEntity<JsonNode> holder = f.post("omar", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "countedQuantity": 2260, "uom": "EA", "countTaskId": "%s"}"""
                .formatted(f.location, f.sku, task));
        assertThat(holder.getStatusCode().value()).as("%s", holder.getBody()).isEqualTo(201);
        assertThat(holder.getBody().get("adjustmentId").asText()).isEqualTo(id);
    }

    @Test
    void countsAndRequestsTheLedgerCouldNeverPostAreRefusedBeforeAnythingOpens() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 100);
        ResponseEntity<JsonNode> lot = f.post("olga", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "lot": "L1", "countedQuantity": 90, "uom": "EA"}"""
                .formatted(f.location, f.sku));
        assertThat(lot.getStatusCode().value()).as("%s", lot.getBody()).isEqualTo(422);
        assertThat(lot.getBody().toString()).contains("not lot-tracked");
        ResponseEntity<JsonNode> huge = f.count("olga", "999999999999", "BOX", countTime, null);
        assertThat(huge.getStatusCode().value()).as("10^14 EA").isEqualTo(422);
        assertThat(huge.getBody().toString()).contains("countedQuantity");
        ResponseEntity<JsonNode> request = f.post("ivan", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "lot": "L1", "quantityDelta": -1, "reasonCode": "DAMAGED"}"""
                .formatted(f.location, f.sku));
        assertThat(request.getStatusCode().value()).as("%s", request.getBody()).isEqualTo(422);
        assertThat(request.getBody().toString()).contains("lot");

        String serial = "T5-S" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(Api.as(port, "ada").put().uri("/api/v1/items/" + serial)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("""
                        {"description": "Serial test item", "baseUom": "EA", "tracking": "SERIAL", "abcClass": "C",
                         "category": "TST", "unitCost": 1, "regulated": false}""")
                .retrieve().toEntity(JsonNode.class).getStatusCode().is2xxSuccessful()).isTrue();
        ResponseEntity<JsonNode> half = f.post("olga", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "countedQuantity": 1.5, "uom": "EA"}""".formatted(f.location, serial));
        assertThat(half.getStatusCode().value()).as("%s", half.getBody()).isEqualTo(422);
        assertThat(half.getBody().toString()).contains("serial-tracked");

        assertThat(f.onHand()).isEqualByComparingTo("100");
        JsonNode tasks = Api.as(port, "ivan").get().uri("/api/v1/tasks?limit=1000").retrieve().body(JsonNode.class);
        assertThat(tasks.toString()).as("no adjustment was opened").doesNotContain(f.sku).doesNotContain(serial);
    }

    @Test
    void aManualRequestMayNameAUomAndIsKeptInTheBaseUom() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "C", "0.26", false, 2300);
        ResponseEntity<JsonNode> r = f.post("ivan", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": -0.1, "uom": "BOX", "reasonCode": "DAMAGED"}"""
                .formatted(f.location, f.sku));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().get("quantityDelta").decimalValue()).isEqualByComparingTo("-10");
        assertThat(f.onHand()).isEqualByComparingTo("2290");

        ResponseEntity<JsonNode> unknown = f.post("ivan", "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "quantityDelta": -1, "uom": "PALLET", "reasonCode": "DAMAGED"}"""
                .formatted(f.location, f.sku));
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(unknown.getBody().toString()).contains("uom");

        ResponseEntity<JsonNode> plain = Api.as(port, "ivan").post().uri("/api/v1/adjustments")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                .body("{\"location\": \"" + f.location + "\", \"sku\": \"" + f.sku
                        + "\", \"quantityDelta\": -1, \"reasonCode\": \"DAMAGED\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(plain.getStatusCode().value()).isEqualTo(415);
        assertThat(f.onHand()).isEqualByComparingTo("2290");
    }

    private ResponseEntity<JsonNode> read(String user, String adjustmentId) {
        return Api.as(port, user).get().uri("/api/v1/adjustments/" + adjustmentId).retrieve().toEntity(JsonNode.class);
    }

    private static String manualRequest(AdjustmentFixture f, int delta) {
        return """
                {"location": "%s", "sku": "%s", "quantityDelta": %d, "reasonCode": "FOUND"}"""
                .formatted(f.location, f.sku, delta);
    }

    private int openedFor(AdjustmentFixture f) {
        return jdbc.sql("SELECT count(*) FROM adjustment WHERE sku = ?").param(f.sku).query(Integer.class).single();
    }

    /** olga counts, omar recounts the same quantity: the adjustment waits for approval. */
    private String countedAndRecounted(AdjustmentFixture f, String counted) {
        ResponseEntity<JsonNode> first = f.count("olga", counted, "EA", countTime, null);
        assertThat(first.getBody().at("/decision/outcome").asText()).isEqualTo("RECOUNT");
        ResponseEntity<JsonNode> recount = f.count("omar", counted, "EA", countTime,
                first.getBody().get("id").asText());
        assertThat(recount.getStatusCode().value()).as("%s", recount.getBody()).isEqualTo(201);
        assertThat(recount.getBody().at("/decision/outcome").asText()).isEqualTo("APPROVE");
        return first.getBody().get("adjustmentId").asText();
    }

}
