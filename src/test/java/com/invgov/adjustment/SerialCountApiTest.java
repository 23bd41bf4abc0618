package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts and adjustments of serial-tracked items (DESIGN §3: a serial moves one unit per serial): the count names the
 * serial numbers it found, the variance stays a quantity (§5.1), and the posting moves each serial missing out and
 * each serial found in.
 */
@IntegrationTest
class SerialCountApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountPostsEverySerialMissingAndEverySerialFoundAndNothingElse() {
        SerialFixture f = SerialFixture.of(port, 20);
        List<String> counted = new ArrayList<>(f.serials.subList(0, 18));
        counted.add(f.sku + "-N05");

        ResponseEntity<JsonNode> r = f.count("olga", counted, null, null);

        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().at("/variance/diffQuantity").decimalValue()).isEqualByComparingTo("-1");
        assertThat(r.getBody().at("/decision/outcome").asText()).isEqualTo("AUTO_APPROVE");
        JsonNode a = f.fixture.adjustment(r.getBody().get("adjustmentId").asText());
        assertThat(a.get("status").asText()).isEqualTo("POSTED");
        assertThat(a.get("serials")).extracting(JsonNode::asText).containsExactlyElementsOf(counted);
        Map<String, String> where = f.whereAre();
        assertThat(where.get(f.serials.get(18))).as("missing: out").isNull();
        assertThat(where.get(f.serials.get(19))).as("missing: out").isNull();
        assertThat(where.get(f.sku + "-N05")).as("found: in").isEqualTo(f.fixture.location);
        assertThat(f.serials.subList(0, 18)).allSatisfy(s -> assertThat(where.get(s)).isEqualTo(f.fixture.location));
        assertThat(f.fixture.onHand()).isEqualByComparingTo("19");
        List<Map<String, Object>> movements = jdbc.sql("""
                        SELECT serial, from_location, to_location, reason_code, event_time FROM movement
                        WHERE sku = ? AND type = 'ADJUSTMENT' ORDER BY serial""")
                .param(f.sku).query().listOfRows();
        assertThat(movements).extracting(m -> m.get("serial") + " " + m.get("reason_code")).containsExactly(
                f.sku + "-N05 FOUND", f.serials.get(18) + " LOST", f.serials.get(19) + " LOST");
        assertThat(movements).allSatisfy(m -> assertThat(((java.sql.Timestamp) m.get("event_time")).toInstant())
                .as("at the count's event time").isEqualTo(f.countTime));
    }

    @Test
    void aSerialMissingWhileOnHoldIsWrittenOffFromItsHoldNotRefusedAtEveryRecount() {
        SerialFixture f = SerialFixture.of(port, 20);
        String held = f.serials.get(19);
        // held stock moves only through quality's own calls; an ADMIN's correction puts this one serial on hold
        ResponseEntity<JsonNode> hold = f.fixture.post("ada", "/api/v1/movements", """
                {"type": "STATUS_CHANGE", "sku": "%s", "quantity": 1, "uom": "EA", "serial": "%s",
                 "from": {"location": "%s"}, "to": {"location": "%s", "status": "QUARANTINE"}, "eventTime": "%s"}"""
                .formatted(f.sku, held, f.fixture.location, f.fixture.location, f.countTime.minusSeconds(600)));
        assertThat(hold.getStatusCode().value()).as("%s", hold.getBody()).isEqualTo(201);

        ResponseEntity<JsonNode> r = f.count("olga", f.serials.subList(0, 19), null, null);

        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().at("/decision/outcome").asText()).isEqualTo("AUTO_APPROVE");
        assertThat(f.fixture.adjustment(r.getBody().get("adjustmentId").asText()).get("status").asText())
                .isEqualTo("POSTED");
        assertThat(f.whereAre().get(held)).isNull();
        assertThat(jdbc.sql("SELECT from_status FROM movement WHERE sku = ? AND type = 'ADJUSTMENT'").param(f.sku)
                .query(String.class).single()).isEqualTo("QUARANTINE");
        assertThat(f.fixture.onHand()).isEqualByComparingTo("19");
    }

    @Test
    void aSerialMissingThatMovedAfterTheCountIsAConflictNotAPostingBeforeItsLaterMovements() {
        SerialFixture f = SerialFixture.of(port, 20);
        String wandering = f.serials.get(19);
        AdjustmentFixture other = AdjustmentFixture.item(port, "C", "10", false, 0);
        // learned before the count was posted, happened after it: away and back again
        f.transfer(wandering, f.fixture.location, other.location, f.countTime.plusSeconds(1800));
        f.transfer(wandering, other.location, f.fixture.location, f.countTime.plusSeconds(2400));

        ResponseEntity<JsonNode> r = f.count("olga", f.serials.subList(0, 19), null, null);

        assertThat(r.getBody().at("/decision/outcome").asText()).isEqualTo("AUTO_APPROVE");
        assertThat(f.fixture.adjustment(r.getBody().get("adjustmentId").asText()).get("status").asText())
                .isEqualTo("CONFLICT");
        assertThat(f.whereAre().get(wandering)).isEqualTo(f.fixture.location);
        assertThat(jdbc.sql("SELECT count(*) FROM movement WHERE sku = ? AND type = 'ADJUSTMENT'").param(f.sku)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSerialFoundThatTheLedgerHasSomewhereElseIsAConflictAndARecountNotAPosting() {
        SerialFixture f = SerialFixture.of(port, 20);
        AdjustmentFixture other = AdjustmentFixture.item(port, "C", "10", false, 0);
        String elsewhere = f.sku + "-X01";
        f.receive(List.of(elsewhere), other.location);
        List<String> counted = new ArrayList<>(f.serials);
        counted.add(elsewhere);

        ResponseEntity<JsonNode> r = f.count("olga", counted, null, null);

        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().at("/decision/outcome").asText()).isEqualTo("AUTO_APPROVE");
        String id = r.getBody().get("adjustmentId").asText();
        assertThat(f.fixture.adjustment(id).get("status").asText()).isEqualTo("CONFLICT");
        assertThat(f.whereAre().get(elsewhere)).as("nothing moved").isEqualTo(other.location);
        assertThat(f.fixture.onHand()).isEqualByComparingTo("20");
        assertThat(f.fixture.taskOf("omar", id)).as("a recount for another operator").isNotNull();
    }

    @Test
    void aVarianceCountedWithoutSerialNumbersIsRefusedAndKeepsNothingButAMatchingCountNeedsNone() {
        SerialFixture f = SerialFixture.of(port, 20);

        ResponseEntity<JsonNode> short1 = f.count("olga", null, "19", null);

        assertThat(short1.getStatusCode().value()).isEqualTo(422);
        assertThat(short1.getBody().at("/errors/0/field").asText()).isEqualTo("serials");
        assertThat(jdbc.sql("SELECT count(*) FROM count_result WHERE sku = ?").param(f.sku).query(Long.class).single())
                .as("nothing kept").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM adjustment WHERE sku = ?").param(f.sku).query(Long.class).single())
                .isZero();

        ResponseEntity<JsonNode> matching = f.count("olga", null, "20", null);
        assertThat(matching.getStatusCode().value()).as("%s", matching.getBody()).isEqualTo(201);
        assertThat(matching.getBody().at("/decision/outcome").asText()).isEqualTo("NO_VARIANCE");
    }

    @Test
    void serialNumbersMustBeOnePerUnitDistinctAndOnlyForSerialTrackedItems() {
        SerialFixture f = SerialFixture.of(port, 3);

        ResponseEntity<JsonNode> tooFew = f.count("olga", f.serials.subList(0, 2), "3", null);
        assertThat(tooFew.getStatusCode().value()).isEqualTo(422);
        assertThat(tooFew.getBody().at("/errors/0/field").asText()).isEqualTo("serials");
        assertThat(tooFew.getBody().at("/errors/0/message").asText()).contains("one per unit");

        ResponseEntity<JsonNode> twice = f.count("olga", List.of("A", "A", "B"), null, null);
        assertThat(twice.getStatusCode().value()).isEqualTo(422);
        assertThat(twice.getBody().at("/errors/0/message").asText()).contains("twice");

        ResponseEntity<JsonNode> blank = f.count("olga", List.of("A", " "), null, null);
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        assertThat(blank.getBody().at("/errors/0/field").asText()).startsWith("serials");

        ResponseEntity<JsonNode> withALot = f.fixture.post("olga", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "lot": "L1", "countedQuantity": 3, "uom": "EA", "serials": %s}"""
                .formatted(f.fixture.location, f.sku, f.serials.stream().map(s -> "\"" + s + "\"").toList()));
        assertThat(withALot.getStatusCode().value()).isEqualTo(422);
        assertThat(withALot.getBody().at("/errors/0/field").asText()).isEqualTo("lot");

        AdjustmentFixture plain = AdjustmentFixture.item(port, "C", "1", false, 5);
        ResponseEntity<JsonNode> notSerial = plain.post("olga", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "countedQuantity": 1, "uom": "EA", "serials": ["A"]}"""
                .formatted(plain.location, plain.sku));
        assertThat(notSerial.getStatusCode().value()).isEqualTo(422);
        assertThat(notSerial.getBody().at("/errors/0/message").asText()).contains("not serial-tracked");
        assertThat(jdbc.sql("SELECT count(*) FROM count_result WHERE sku IN (?, ?)").params(f.sku, plain.sku)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRecountNamesItsOwnSerialsAndTheApprovalPostsThem() {
        SerialFixture f = SerialFixture.of(port, 20);

        // 5 of 20 missing: 25 % is outside a C item's tolerance, so a recount comes first
        ResponseEntity<JsonNode> first = f.count("olga", f.serials.subList(0, 15), null, null);
        assertThat(first.getBody().at("/decision/outcome").asText()).isEqualTo("RECOUNT");
        String id = first.getBody().get("adjustmentId").asText();
        // the recount finds one of them after all
        List<String> recounted = new ArrayList<>(f.serials.subList(0, 16));
        ResponseEntity<JsonNode> again = f.count("omar", recounted, null, first.getBody().get("id").asText());
        assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(201);
        assertThat(again.getBody().at("/decision/outcome").asText()).isEqualTo("APPROVE");
        assertThat(f.fixture.adjustment(id).get("serials")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(recounted);

        JsonNode task = f.fixture.taskOf("ivan", id);
        ResponseEntity<JsonNode> done = f.fixture.complete("ivan", task.get("id").asText(), true, null);
        assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(204);

        assertThat(f.fixture.adjustment(id).get("status").asText()).isEqualTo("POSTED");
        Map<String, String> where = f.whereAre();
        assertThat(f.serials.subList(16, 20)).allSatisfy(s -> assertThat(where.get(s)).isNull());
        assertThat(where.get(f.serials.get(15))).as("found by the recount: stays").isEqualTo(f.fixture.location);
        assertThat(f.fixture.onHand()).isEqualByComparingTo("16");
    }

    @Test
    void aManualAdjustmentOfASerialItemMovesTheSerialsItNames() {
        SerialFixture f = SerialFixture.of(port, 20);
        String lost = f.serials.get(3);

        ResponseEntity<JsonNode> none = f.fixture.post("iris", "/api/v1/adjustments", f.manual(-1, null));
        assertThat(none.getStatusCode().value()).isEqualTo(422);
        assertThat(none.getBody().at("/errors/0/field").asText()).isEqualTo("serials");
        ResponseEntity<JsonNode> notThere = f.fixture.post("iris", "/api/v1/adjustments",
                f.manual(-1, List.of(f.sku + "-NOPE")));
        assertThat(notThere.getStatusCode().value()).isEqualTo(409);
        ResponseEntity<JsonNode> hereAlready = f.fixture.post("iris", "/api/v1/adjustments",
                f.manual(1, List.of(lost)));
        assertThat(hereAlready.getStatusCode().value()).isEqualTo(409);
        AdjustmentFixture other = AdjustmentFixture.item(port, "C", "10", false, 0);
        f.receive(List.of(f.sku + "-AWAY"), other.location);
        ResponseEntity<JsonNode> elsewhere = f.fixture.post("iris", "/api/v1/adjustments",
                f.manual(1, List.of(f.sku + "-AWAY")));
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(409);
        assertThat(elsewhere.getBody().get("detail").asText()).contains(other.location);
        assertThat(jdbc.sql("SELECT count(*) FROM adjustment WHERE sku = ?").param(f.sku).query(Long.class).single())
                .as("refusals open nothing").isZero();

        ResponseEntity<JsonNode> twiceWithASpace = f.fixture.post("iris", "/api/v1/adjustments",
                f.manual(-2, List.of(lost, lost + " ")));
        assertThat(twiceWithASpace.getStatusCode().value()).as("%s", twiceWithASpace.getBody()).isEqualTo(422);
        assertThat(twiceWithASpace.getBody().at("/errors/0/message").asText()).contains("twice");

        // as the ledger keeps serial numbers: without the spaces a scanner may add
        ResponseEntity<JsonNode> r = f.fixture.post("iris", "/api/v1/adjustments", f.manual(-1, List.of(" " + lost)));

        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().get("status").asText()).isEqualTo("POSTED");
        assertThat(r.getBody().get("serials")).extracting(JsonNode::asText).containsExactly(lost);
        assertThat(f.whereAre().get(lost)).isNull();
        assertThat(f.fixture.onHand()).isEqualByComparingTo("19");
        JsonNode movement = Api.as(port, "ivan").get().uri("/api/v1/movements/" + r.getBody().get("movementId").asText())
                .retrieve().body(JsonNode.class);
        assertThat(movement.get("serial").asText()).isEqualTo(lost);
        assertThat(movement.get("reasonCode").asText()).isEqualTo("DAMAGED");
    }
}
