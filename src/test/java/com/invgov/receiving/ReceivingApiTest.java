package com.invgov.receiving;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import com.invgov.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ReceivingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void receiptAgainstAPoLineIsInspectedFirstTimeThenPutAwayAndOverReceiptWaitsForAPlanner() {
        String sku = newItem("LOT", false);
        String po = "PO-T-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> put = json(as("petra").put(), "/api/v1/expected-receipts/" + po + "/1", null, """
                {"supplier": "S001", "sku": "%s", "quantity": 10, "uom": "BOX", "dueDate": "%s",
                 "warehouse": "P1-WH1"}""".formatted(sku, LocalDate.now().minusDays(3)));
        assertThat(put.getStatusCode().value()).isEqualTo(201);
        assertThat(put.getBody().get("expectedBase").decimalValue()).isEqualByComparingTo("100");
        assertThat(put.getBody().get("overdue").asBoolean()).isTrue();
        JsonNode overdue = get("olga", "/api/v1/expected-receipts?overdue=true&limit=1000");
        assertThat(overdue.get("items").findValuesAsText("po")).contains(po);

        // 5 BOX, lot and expiry from the scan: first receipt of the item from S001 → inspection
        String lot = "L" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ResponseEntity<JsonNode> first = receipt("olga", """
                {"po": "%s", "line": 1, "quantity": 5, "uom": "BOX", "scan": "(01)09501101020917(17)271231(10)%s"}"""
                .formatted(po, lot));
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        JsonNode r1 = first.getBody();
        assertThat(r1.get("quantity").decimalValue()).isEqualByComparingTo("50");
        assertThat(r1.get("lot").asText()).isEqualTo(lot);
        assertThat(r1.get("expiry").asText()).isEqualTo("2027-12-31");
        assertThat(r1.get("location").asText()).isEqualTo("P1-WH1-DOCK");
        assertThat(r1.get("status").asText()).isEqualTo("INSPECTION");
        assertThat(r1.at("/inspection/reason").asText()).isEqualTo("FIRST_RECEIPT");
        assertThat(r1.at("/inspection/version").asInt()).isPositive();
        assertThat(r1.at("/tolerance/outcome").asText()).isEqualTo("UNDER_RECEIPT");
        assertThat(r1.get("state").asText()).isEqualTo("AWAITING_INSPECTION");
        assertThat(stock(sku, "P1-WH1-DOCK", "INSPECTION")).isEqualByComparingTo("50");
        assertThat(get("olga", "/api/v1/expected-receipts/" + po + "/1").get("open").decimalValue())
                .isEqualByComparingTo("50");

        // putaway before inspection: refused
        assertThat(post("olga", "/api/v1/receipts/" + r1.get("id").asText() + "/putaway", "{}")
                .getStatusCode().value()).isEqualTo(409);
        // only QUALITY inspects
        assertThat(post("olga", "/api/v1/receipts/" + r1.get("id").asText() + "/inspection", "{\"passed\": true}")
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> passed = post("quinn", "/api/v1/receipts/" + r1.get("id").asText() + "/inspection",
                "{\"passed\": true}");
        assertThat(passed.getBody().get("state").asText()).isEqualTo("READY_FOR_PUTAWAY");
        assertThat(stock(sku, "P1-WH1-DOCK", "AVAILABLE")).isEqualByComparingTo("50");

        emptyStockLocation();
        String suggested = get("olga", "/api/v1/receipts/" + r1.get("id").asText()).get("suggestedLocation").asText();
        assertThat(jdbc.sql("SELECT type FROM location WHERE code = ?").param(suggested).query(String.class).single())
                .isEqualTo("STOCK");
        // available stock is put away where available stock is kept, not into a scrap area or onto a line
        for (String wrong : List.of("P1-WH1-SCRAP", "P1-WH1-PROD", "P1-WH1-SHIP")) {
            ResponseEntity<JsonNode> refused = post("olga", "/api/v1/receipts/" + r1.get("id").asText() + "/putaway",
                    "{\"location\": \"" + wrong + "\"}");
            assertThat(refused.getStatusCode().value()).as(wrong).isEqualTo(422);
        }
        assertThat(stock(sku, "P1-WH1-DOCK", "AVAILABLE")).isEqualByComparingTo("50");
        ResponseEntity<JsonNode> putaway = post("olga", "/api/v1/receipts/" + r1.get("id").asText() + "/putaway", "{}");
        assertThat(putaway.getBody().get("state").asText()).isEqualTo("PUT_AWAY");
        assertThat(path(r1)).containsSubsequence("overReceiptCheck", "inspectionDecision", "inspect",
                "suggestPutaway", "putaway", "putAway").doesNotContain("approveOverReceipt", "qualityHold");
        assertThat(ended(r1)).isTrue();
        assertThat(stock(sku, suggested, "AVAILABLE")).isEqualByComparingTo("50");
        assertThat(stock(sku, "P1-WH1-DOCK", null)).isEqualByComparingTo("0");

        // 6 more BOX: 110 % of the line, beyond the 5 % tolerance; second receipt, not inspected (skip-lot)
        ResponseEntity<JsonNode> second = receipt("olga", """
                {"po": "%s", "line": 1, "sku": "%s", "quantity": 6, "uom": "BOX", "lot": "%s"}"""
                .formatted(po, sku, lot));
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        JsonNode r2 = second.getBody();
        assertThat(r2.at("/tolerance/outcome").asText()).isEqualTo("OVER_RECEIPT");
        assertThat(r2.get("status").asText()).as("not accepted until the buyer approves").isEqualTo("INSPECTION");
        assertThat(r2.get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(stock(sku, "P1-WH1-DOCK", "INSPECTION")).isEqualByComparingTo("60");
        ResponseEntity<JsonNode> early = post("olga", "/api/v1/receipts/" + r2.get("id").asText() + "/putaway", "{}");
        assertThat(early.getStatusCode().value()).isEqualTo(409);
        assertThat(early.getBody().get("detail").asText()).contains("PLANNER");
        assertThat(post("olga", "/api/v1/receipts/" + r2.get("id").asText() + "/approval", "{\"approved\": true}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(post("petra", "/api/v1/receipts/" + r2.get("id").asText() + "/approval", "{\"approved\": true}")
                .getBody().get("state").asText()).isEqualTo("READY_FOR_PUTAWAY");
        assertThat(stock(sku, "P1-WH1-DOCK", "AVAILABLE")).isEqualByComparingTo("60");
        assertThat(get("olga", "/api/v1/receipts/" + r2.get("id").asText()).at("/receipt/status").asText())
                .isEqualTo("AVAILABLE");
        // the location already holding the item is suggested now
        assertThat(get("olga", "/api/v1/receipts/" + r2.get("id").asText()).get("suggestedLocation").asText())
                .isEqualTo(suggested);
        post("olga", "/api/v1/receipts/" + r2.get("id").asText() + "/putaway", "{}");
        assertThat(stock(sku, suggested, "AVAILABLE")).isEqualByComparingTo("110");
        assertThat(path(r2)).containsSubsequence("overReceiptCheck", "approveOverReceipt", "inspectionDecision",
                "suggestPutaway", "putaway", "putAway").doesNotContain("inspect");
        assertThat(ended(r2)).isTrue();
        JsonNode line = get("olga", "/api/v1/expected-receipts/" + po + "/1");
        assertThat(line.get("closed").asBoolean()).isTrue();
        assertThat(line.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void aFailedInspectionPutsTheReceiptOnQualityHold() {
        String sku = newItem("LOT", false);
        String po = expected(sku, 10, "EA");
        JsonNode r = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 10, \"uom\": \"EA\", \"lot\": \"F1\"}"
                .formatted(po)).getBody();
        assertThat(r.get("state").asText()).isEqualTo("AWAITING_INSPECTION");
        JsonNode failed = post("quinn", "/api/v1/receipts/" + r.get("id").asText() + "/inspection",
                "{\"passed\": false}").getBody();
        assertThat(failed.get("state").asText()).isEqualTo("ON_HOLD");
        assertThat(path(r)).containsSubsequence("overReceiptCheck", "inspectionDecision", "inspect", "qualityHold",
                "onHold").doesNotContain("putaway");
        assertThat(ended(r)).isTrue();
        assertThat(stock(sku, "P1-WH1-DOCK", "QUARANTINE")).isEqualByComparingTo("10");
        assertThat(stock(sku, "P1-WH1-DOCK", "INSPECTION")).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT count(*) FROM quality_hold WHERE sku = ? AND source = 'INSPECTION' AND status = 'OPEN'")
                .param(sku).query(Integer.class).single()).isEqualTo(1);
        assertThat(post("olga", "/api/v1/receipts/" + r.get("id").asText() + "/putaway", "{}").getStatusCode().value())
                .isEqualTo(409);
    }

    @Test
    void aFailedInspectionHoldsItsOwnReceiptNotTheOthersWaitingAtTheDock() {
        String sku = newItem("NONE", true);
        String po = expected(sku, 200, "EA");
        JsonNode first = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 100, \"uom\": \"EA\"}"
                .formatted(po)).getBody();
        JsonNode second = receipt("omar", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 100, \"uom\": \"EA\"}"
                .formatted(po)).getBody();
        assertThat(second.get("state").asText()).isEqualTo("AWAITING_INSPECTION");
        assertThat(stock(sku, "P1-WH1-DOCK", "INSPECTION")).isEqualByComparingTo("200");

        JsonNode failed = post("quinn", "/api/v1/receipts/" + first.get("id").asText() + "/inspection",
                "{\"passed\": false}").getBody();
        assertThat(failed.get("state").asText()).isEqualTo("ON_HOLD");
        assertThat(stock(sku, "P1-WH1-DOCK", "QUARANTINE")).isEqualByComparingTo("100");
        assertThat(stock(sku, "P1-WH1-DOCK", "INSPECTION")).isEqualByComparingTo("100");
        assertThat(jdbc.sql("""
                SELECT l.quantity FROM quality_hold_line l JOIN quality_hold h ON h.id = l.hold_id
                 WHERE h.sku = ? AND h.source = 'INSPECTION'""").param(sku).query(BigDecimal.class).single())
                .isEqualByComparingTo("100");

        ResponseEntity<JsonNode> passed = post("quinn", "/api/v1/receipts/" + second.get("id").asText()
                + "/inspection", "{\"passed\": true}");
        assertThat(passed.getStatusCode().value()).as(String.valueOf(passed.getBody())).isEqualTo(200);
        assertThat(passed.getBody().get("state").asText()).isEqualTo("READY_FOR_PUTAWAY");
        assertThat(stock(sku, "P1-WH1-DOCK", "AVAILABLE")).isEqualByComparingTo("100");
        assertThat(stock(sku, "P1-WH1-DOCK", "QUARANTINE")).isEqualByComparingTo("100");
    }

    @Test
    void theStateFilterPagesThroughReceiptsOfThatStateOnly() {
        String sku = newItem("NONE", true);
        String id = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 1, \"uom\": \"EA\"}"
                .formatted(expected(sku, 1, "EA"))).getBody().get("id").asText();
        boolean found = false;
        String after = null;
        for (int page = 0; page < 10_000 && !found; page++) {
            JsonNode body = get("olga", "/api/v1/receipts?state=AWAITING_INSPECTION&limit=1"
                    + (after == null ? "" : "&after=" + after));
            assertThat(body.get("items").size()).isLessThanOrEqualTo(1);
            assertThat(body.get("items").findValuesAsText("state")).containsOnly("AWAITING_INSPECTION");
            found = body.get("items").findValuesAsText("id").contains(id);
            if (body.get("next").isNull()) {
                break;
            }
            after = body.get("next").asText();
        }
        assertThat(found).as("receipt " + id + " on one of the pages").isTrue();
    }

    @Test
    void anUnknownStateFilterIsABadRequest() {
        ResponseEntity<JsonNode> r = as("olga").get().uri("/api/v1/receipts?state=LOST").retrieve()
                .toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("errors").findValuesAsText("field")).containsExactly("state");
        assertThat(as("olga").get().uri("/api/v1/receipts?state=ON_HOLD&limit=5").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theInspectionChecklistOfTheCategoryDecidesPassOrFail() {
        String sku = newItem("LOT", false, "FAS");
        String po = expected(sku, 100, "EA");
        JsonNode r = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 10, \"uom\": \"EA\", \"lot\": \"C1\"}"
                .formatted(po)).getBody();
        String id = r.get("id").asText();
        JsonNode checklist = get("quinn", "/api/v1/receipts/" + id + "/checklist");
        assertThat(checklist.get("items").findValuesAsText("name"))
                .containsExactly("Packaging undamaged", "Thread go/no-go gauge", "Zinc coating thickness");
        assertThat(checklist.at("/items/2/max").decimalValue()).isEqualByComparingTo("25");

        ResponseEntity<JsonNode> incomplete = post("quinn", "/api/v1/receipts/" + id + "/inspection", """
                {"checks": [{"name": "Packaging undamaged", "passed": true}]}""");
        assertThat(incomplete.getStatusCode().value()).isEqualTo(422);
        assertThat(incomplete.getBody().get("errors").findValuesAsText("message"))
                .contains("missing check: Zinc coating thickness");

        // coating 31 um is above the 25 um limit: the inspection fails although everything else passes
        ResponseEntity<JsonNode> measured = post("quinn", "/api/v1/receipts/" + id + "/inspection", """
                {"checks": [{"name": "Packaging undamaged", "passed": true},
                            {"name": "Thread go/no-go gauge", "passed": true},
                            {"name": "Zinc coating thickness", "value": 31}]}""");
        assertThat(measured.getStatusCode().value()).isEqualTo(200);
        assertThat(measured.getBody().get("inspectionResult").asText()).isEqualTo("FAILED");
        assertThat(measured.getBody().get("state").asText()).isEqualTo("ON_HOLD");
        assertThat(jdbc.sql("SELECT inspection_checks FROM receipt WHERE id = ?").param(Long.parseLong(id))
                .query(String.class).single()).contains("\"Zinc coating thickness\",\"passed\":false,\"value\":31");
        assertThat(stock(sku, "P1-WH1-DOCK", "QUARANTINE")).isEqualByComparingTo("10");
    }

    @Test
    void rejectedOverReceiptGoesBackToTheSupplier() {
        String sku = newItem("NONE", false);
        String po = expected(sku, 10, "EA");
        JsonNode r = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 20, \"uom\": \"EA\"}".formatted(po))
                .getBody();
        assertThat(r.get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        // waiting for the buyer, it cannot be shipped, moved or released
        ResponseEntity<JsonNode> ship = json(as("mes").post(), "/api/v1/movements", "s-" + UUID.randomUUID(), """
                {"type": "SHIP", "sku": "%s", "quantity": 20, "uom": "EA", "from": {"location": "P1-WH1-DOCK"},
                 "reference": "SO-1"}""".formatted(sku));
        assertThat(ship.getStatusCode().value()).as(String.valueOf(ship.getBody())).isEqualTo(409);
        assertThat(ship.getBody().get("type").asText()).endsWith("/stock-on-hold");
        ResponseEntity<JsonNode> release = json(as("mes").post(), "/api/v1/movements", "s-" + UUID.randomUUID(), """
                {"type": "STATUS_CHANGE", "sku": "%s", "quantity": 20, "uom": "EA",
                 "from": {"location": "P1-WH1-DOCK", "status": "INSPECTION"}, "to": {"location": "P1-WH1-DOCK"}}"""
                .formatted(sku));
        assertThat(release.getStatusCode().value()).as(String.valueOf(release.getBody())).isEqualTo(409);
        JsonNode rejected = post("petra", "/api/v1/receipts/" + r.get("id").asText() + "/approval",
                "{\"approved\": false}").getBody();
        assertThat(rejected.get("state").asText()).isEqualTo("REJECTED");
        assertThat(path(r)).containsSubsequence("overReceiptCheck", "approveOverReceipt", "rejected")
                .doesNotContain("inspectionDecision");
        assertThat(ended(r)).isTrue();
        assertThat(stock(sku, "P1-WH1-DOCK", null)).isEqualByComparingTo("0");
        assertThat(get("olga", "/api/v1/expected-receipts/" + po + "/1").get("open").decimalValue())
                .isEqualByComparingTo("10");
    }

    @Test
    void aSkipLotReceiptWithinToleranceGoesStraightToPutaway() {
        emptyStockLocation();
        String sku = newItem("NONE", false);
        String po = expected(sku, 100, "EA");
        JsonNode first = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 10, \"uom\": \"EA\"}"
                .formatted(po)).getBody();
        assertThat(first.get("state").asText()).isEqualTo("AWAITING_INSPECTION");
        JsonNode second = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 10, \"uom\": \"EA\"}"
                .formatted(po)).getBody();
        assertThat(second.get("state").asText()).isEqualTo("READY_FOR_PUTAWAY");
        assertThat(second.at("/inspection/reason").asText()).isEqualTo("SKIP_LOT");
        assertThat(path(second)).containsSubsequence("overReceiptCheck", "inspectionDecision", "suggestPutaway",
                "putaway").doesNotContain("approveOverReceipt", "inspect");
        assertThat(ended(second)).isFalse();
        post("olga", "/api/v1/receipts/" + second.get("id").asText() + "/putaway", "{}");
        assertThat(ended(second)).isTrue();
    }

    @Test
    void regulatedItemsAreAlwaysInspected() {
        String sku = newItem("NONE", true);
        String po = expected(sku, 100, "EA");
        receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 10, \"uom\": \"EA\"}".formatted(po));
        JsonNode second = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 10, \"uom\": \"EA\"}"
                .formatted(po)).getBody();
        assertThat(second.get("status").asText()).isEqualTo("INSPECTION");
        assertThat(second.at("/inspection/reason").asText()).isEqualTo("REGULATED");
    }

    @Test
    void aBadScanIsA400NamingTheWrongPart() {
        String sku = newItem("LOT", false);
        String po = expected(sku, 10, "EA");
        ResponseEntity<JsonNode> bad = receipt("olga", """
                {"po": "%s", "line": 1, "quantity": 1, "uom": "EA", "scan": "(01)09501101020918(10)ABC"}"""
                .formatted(po));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("type").asText()).endsWith("/validation");
        assertThat(bad.getBody().get("applicationIdentifier").asText()).isEqualTo("01");
        assertThat(bad.getBody().get("problem").asText()).isEqualTo("WRONG_CHECK_DIGIT");
        assertThat(bad.getBody().at("/errors/0/field").asText()).isEqualTo("scan");

        ResponseEntity<JsonNode> badDate = receipt("olga", """
                {"po": "%s", "line": 1, "quantity": 1, "uom": "EA", "scan": "(17)271341(10)ABC"}""".formatted(po));
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(badDate.getBody().get("applicationIdentifier").asText()).isEqualTo("17");

        ResponseEntity<JsonNode> clash = receipt("olga", """
                {"po": "%s", "line": 1, "quantity": 1, "uom": "EA", "lot": "X1", "scan": "(10)X2"}""".formatted(po));
        assertThat(clash.getStatusCode().value()).isEqualTo(422);
        assertThat(clash.getBody().at("/errors/0/field").asText()).isEqualTo("lot");
        assertThat(stock(sku, "P1-WH1-DOCK", null)).isEqualByComparingTo("0");
    }

    @Test
    void aReceiptWithoutAnExpectedReceiptNeedsAnAdminAndAPlannerReceivesNothing() {
        String sku = newItem("NONE", false);
        String body = """
                {"sku": "%s", "quantity": 3, "uom": "EA", "supplier": "S001", "warehouse": "P1-WH1"%s}""";
        ResponseEntity<JsonNode> refused = receipt("olga", body.formatted(sku, ""));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("po");
        assertThat(receipt("olga", body.formatted(sku, ", \"unplanned\": true")).getStatusCode().value())
                .isEqualTo(403);
        // DESIGN §7: receipts are posted by OPERATOR, INTEGRATION, ADMIN; the buyer approves over-receipts only
        assertThat(receipt("petra", body.formatted(sku, ", \"unplanned\": true")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(stock(sku, "P1-WH1-DOCK", null)).isEqualByComparingTo("0");
        ResponseEntity<JsonNode> allowed = receipt("ada", body.formatted(sku, ", \"unplanned\": true"));
        assertThat(allowed.getStatusCode().value()).isEqualTo(201);
        assertThat(allowed.getBody().get("unplanned").asBoolean()).isTrue();
        assertThat(stock(sku, "P1-WH1-DOCK", null)).isEqualByComparingTo("3");
    }

    @Test
    void aRetriedReceiptIsPostedOnce() {
        String sku = newItem("NONE", false);
        String po = expected(sku, 10, "EA");
        String key = "rcpt-" + UUID.randomUUID();
        String body = "{\"po\": \"%s\", \"line\": 1, \"quantity\": 4, \"uom\": \"EA\"}".formatted(po);
        ResponseEntity<JsonNode> a = json(as("olga").post(), "/api/v1/receipts", key, body);
        ResponseEntity<JsonNode> b = json(as("olga").post(), "/api/v1/receipts", key, body);
        assertThat(b.getBody().get("id")).isEqualTo(a.getBody().get("id"));
        assertThat(b.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stock(sku, "P1-WH1-DOCK", null)).isEqualByComparingTo("4");
        assertThat(receipt("olga", "{\"quantity\": 1}").getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void expectedReceiptsImportFromCsvAllOrNothing() {
        String sku = newItem("NONE", false);
        String po = "PO-CSV-" + UUID.randomUUID().toString().substring(0, 8);
        String header = "po,line,supplier,sku,quantity,uom,due_date,warehouse\n";
        ResponseEntity<JsonNode> bad = as("petra").post().uri("/api/v1/expected-receipts/import")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(header + po + ",1,S001," + sku + ",5,EA,2026-12-01,P1-WH1\n" + po + ",2,S001,NOPE,x,EA,2026-13-01,P1-WH1\n")
                .retrieve().toEntity(JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(422);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).contains("line 3.quantity", "line 3.due_date");
        assertThat(get("olga", "/api/v1/expected-receipts/" + po + "/1").get("status").asInt()).isEqualTo(404);

        ResponseEntity<JsonNode> ok = as("petra").post().uri("/api/v1/expected-receipts/import")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(header + po + ",1,S001," + sku + ",5,EA,2026-12-01,P1-WH1\n" + po + ",2,S001," + sku
                        + ",7,EA,2026-12-02,P1-WH1\n")
                .retrieve().toEntity(JsonNode.class);
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getBody().get("created").asInt()).isEqualTo(2);
        assertThat(get("olga", "/api/v1/expected-receipts/" + po + "/2").get("quantity").decimalValue())
                .isEqualByComparingTo("7");
        assertThat(as("olga").post().uri("/api/v1/expected-receipts/import")
                .contentType(MediaType.parseMediaType("text/csv")).body(header).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theOperatorMayPutAwayElsewhereThanSuggestedButOnlyIntoTheSameWarehouse() {
        emptyStockLocation();
        String sku = newItem("NONE", false);
        String po = expected(sku, 100, "EA");
        receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 10, \"uom\": \"EA\"}".formatted(po));
        JsonNode r = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 10, \"uom\": \"EA\"}"
                .formatted(po)).getBody();
        assertThat(r.get("state").asText()).isEqualTo("READY_FOR_PUTAWAY");
        String id = r.get("id").asText();
        String suggested = get("olga", "/api/v1/receipts/" + id).get("suggestedLocation").asText();
        String elsewhere = jdbc.sql("""
                SELECT code FROM location WHERE warehouse = 'P1-WH1' AND type = 'STOCK' AND code <> ?
                 ORDER BY code LIMIT 1""").param(suggested).query(String.class).single();
        String otherWarehouse = jdbc.sql("""
                SELECT code FROM location WHERE warehouse <> 'P1-WH1' AND type = 'STOCK' ORDER BY code LIMIT 1""")
                .query(String.class).single();

        ResponseEntity<JsonNode> wrong = post("olga", "/api/v1/receipts/" + id + "/putaway",
                "{\"location\": \"%s\"}".formatted(otherWarehouse));
        assertThat(wrong.getStatusCode().value()).isEqualTo(422);
        assertThat(wrong.getBody().at("/errors/0/field").asText()).isEqualTo("location");
        assertThat(ended(r)).as("the putaway task is still open").isFalse();

        JsonNode done = post("olga", "/api/v1/receipts/" + id + "/putaway",
                "{\"location\": \"%s\"}".formatted(elsewhere)).getBody();
        assertThat(done.get("state").asText()).isEqualTo("PUT_AWAY");
        assertThat(done.get("putawayLocation").asText()).isEqualTo(elsewhere);
        assertThat(stock(sku, elsewhere, "AVAILABLE")).isEqualByComparingTo("10");
        assertThat(stock(sku, suggested, null)).isEqualByComparingTo("0");
        assertThat(path(r)).containsSubsequence("inspectionDecision", "suggestPutaway", "putaway", "putAway");
        assertThat(ended(r)).isTrue();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM act_hi_varinst v JOIN act_hi_procinst p ON p.id_ = v.proc_inst_id_
                 WHERE p.business_key_ = ? AND p.proc_def_key_ = 'receiving' AND v.name_ = 'location'
                   AND v.text_ = ?""").params(id, elsewhere).query(Integer.class).single())
                .as("the process knows where it went").isEqualTo(1);
    }

    @Test
    void aLineWithReceiptsKeepsItsItemAndUomAndReopensWhenItsQuantityGrows() {
        String sku = newItem("NONE", false);
        String other = newItem("NONE", false);
        String po = expected(sku, 10, "EA");
        receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 10, \"uom\": \"EA\"}".formatted(po));
        assertThat(get("olga", "/api/v1/expected-receipts/" + po + "/1").get("closed").asBoolean()).isTrue();

        String line = """
                {"supplier": "S001", "sku": "%s", "quantity": %s, "uom": "%s", "dueDate": "2026-12-31",
                 "warehouse": "P1-WH1"}""";
        for (String repointed : List.of(line.formatted(other, "10", "EA"), line.formatted(sku, "1", "BOX"))) {
            ResponseEntity<JsonNode> refused = json(as("petra").put(), "/api/v1/expected-receipts/" + po + "/1", null,
                    repointed);
            assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(409);
            assertThat(refused.getBody().get("type").asText()).endsWith("/conflict");
            assertThat(refused.getBody().get("detail").asText()).contains(po + " line 1");
        }
        JsonNode kept = get("olga", "/api/v1/expected-receipts/" + po + "/1");
        assertThat(kept.get("sku").asText()).isEqualTo(sku);
        assertThat(kept.get("uom").asText()).isEqualTo("EA");

        ResponseEntity<JsonNode> more = json(as("petra").put(), "/api/v1/expected-receipts/" + po + "/1", null,
                line.formatted(sku, "50", "EA"));
        assertThat(more.getStatusCode().value()).isEqualTo(200);
        assertThat(more.getBody().get("open").decimalValue()).isEqualByComparingTo("40");
        assertThat(more.getBody().get("closed").asBoolean()).as("40 still to come").isFalse();
        assertThat(receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 5, \"uom\": \"EA\"}"
                .formatted(po)).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void anExpectedLineKeepsItsBaseQuantityWhenItsUomLeavesTheItem() {
        String sku = newItem("NONE", false);
        String po = expected(sku, 2, "BOX");
        assertThat(get("olga", "/api/v1/expected-receipts/" + po + "/1").get("expectedBase").decimalValue())
                .isEqualByComparingTo("20");
        ResponseEntity<JsonNode> noBox = json(as("ada").put(), "/api/v1/items/" + sku, null, """
                {"description": "Receiving test part", "baseUom": "EA", "uomConversions": [],
                 "tracking": "NONE", "abcClass": "C", "category": "TST", "unitCost": 2.50, "regulated": false,
                 "defaultSupplier": "S001"}""");
        assertThat(noBox.getStatusCode().is2xxSuccessful()).as(String.valueOf(noBox.getBody())).isTrue();
        assertThat(get("olga", "/api/v1/expected-receipts/" + po + "/1").get("expectedBase").decimalValue())
                .as("2 BOX were 20 EA when they were ordered").isEqualByComparingTo("20");
    }

    @Test
    void identicalConcurrentPutsOfANewLineAllSucceed() throws Exception {
        String sku = newItem("NONE", false);
        String po = "PO-T-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"supplier": "S001", "sku": "%s", "quantity": 7, "uom": "EA", "dueDate": "2026-12-31",
                 "warehouse": "P1-WH1"}""".formatted(sku);
        int n = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> puts = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                puts.add(pool.submit(() -> {
                    start.await();
                    return json(as("petra").put(), "/api/v1/expected-receipts/" + po + "/1", null, body)
                            .getStatusCode().value();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : puts) {
                statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 200);
            assertThat(statuses).filteredOn(c -> c == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expectedReceiptsPageInLineOrderPastLineNumber999999() {
        String sku = newItem("NONE", false);
        String po = "PO-T-" + UUID.randomUUID().toString().substring(0, 8);
        for (int line : List.of(1_000_001, 999_999, 1_000_000)) {
            assertThat(json(as("petra").put(), "/api/v1/expected-receipts/" + po + "/" + line, null, """
                    {"supplier": "S001", "sku": "%s", "quantity": 1, "uom": "EA", "dueDate": "2026-12-31",
                     "warehouse": "P1-WH1"}""".formatted(sku)).getStatusCode().value()).isEqualTo(201);
        }
        List<Integer> lines = new java.util.ArrayList<>();
        // a cursor as the API gives out, just before the PO's first line
        String after = com.invgov.api.Cursor.encode(po + "\u001f" + "000000");
        for (int page = 0; page < 5; page++) {
            JsonNode body = get("olga", "/api/v1/expected-receipts?limit=1&after=" + after);
            JsonNode item = body.get("items").get(0);
            if (item == null || !po.equals(item.get("po").asText())) {
                break;
            }
            lines.add(item.get("line").asInt());
            if (body.get("next").isNull()) {
                break;
            }
            after = body.get("next").asText();
        }
        assertThat(lines).containsExactly(999_999, 1_000_000, 1_000_001);
        assertThat(as("olga").get().uri("/api/v1/expected-receipts?after="
                        + com.invgov.api.Cursor.encode(po + "\u001f" + "x")).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aCheckGivenTwiceIsRefused() {
        String sku = newItem("LOT", false, "FAS");
        String po = expected(sku, 100, "EA");
        String id = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 10, \"uom\": \"EA\", \"lot\": \"D1\"}"
                .formatted(po)).getBody().get("id").asText();
        for (String order : List.of("true, false", "false, true")) {
            String[] passed = order.split(", ");
            ResponseEntity<JsonNode> twice = post("quinn", "/api/v1/receipts/" + id + "/inspection", """
                    {"checks": [{"name": "Packaging undamaged", "passed": %s},
                                {"name": "Packaging undamaged", "passed": %s},
                                {"name": "Thread go/no-go gauge", "passed": true},
                                {"name": "Zinc coating thickness", "value": 12}]}""".formatted(passed[0], passed[1]));
            assertThat(twice.getStatusCode().value()).as(String.valueOf(twice.getBody())).isEqualTo(422);
            assertThat(twice.getBody().get("errors").findValuesAsText("field")).contains("checks");
            assertThat(twice.getBody().get("errors").findValuesAsText("message"))
                    .anyMatch(m -> m.contains("Packaging undamaged"));
        }
        assertThat(get("olga", "/api/v1/receipts/" + id).at("/receipt/state").asText())
                .isEqualTo("AWAITING_INSPECTION");
        assertThat(stock(sku, "P1-WH1-DOCK", "INSPECTION")).isEqualByComparingTo("10");
    }

    @Test
    void whoeverReceivedAnOverReceiptMayNotApproveItAndIntegrationPutsAway() {
        String both = TestUsers.ensure(jdbc, "rcv-opplan", "OPERATOR");
        TestUsers.ensure(jdbc, both, "PLANNER");
        String sku = newItem("NONE", false);
        String po = expected(sku, 10, "EA");
        JsonNode over = receipt(both, "{\"po\": \"%s\", \"line\": 1, \"quantity\": 20, \"uom\": \"EA\"}"
                .formatted(po)).getBody();
        assertThat(over.get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(over.get("approverRoles").toString()).isEqualTo("[\"PLANNER\"]");
        String id = over.get("id").asText();
        ResponseEntity<JsonNode> own = post(both, "/api/v1/receipts/" + id + "/approval", "{\"approved\": true}");
        assertThat(own.getStatusCode().value()).as(String.valueOf(own.getBody())).isEqualTo(403);
        assertThat(own.getBody().get("type").asText()).endsWith("/segregation-of-duties");
        assertThat(get("olga", "/api/v1/receipts/" + id).at("/receipt/state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(stock(sku, "P1-WH1-DOCK", "INSPECTION")).isEqualByComparingTo("20");

        JsonNode approved = post("petra", "/api/v1/receipts/" + id + "/approval", "{\"approved\": true}").getBody();
        assertThat(approved.get("state").asText()).isEqualTo("AWAITING_INSPECTION");
        assertThat(post("quinn", "/api/v1/receipts/" + id + "/inspection", "{\"passed\": true}").getBody()
                .get("state").asText()).isEqualTo("READY_FOR_PUTAWAY");
        ResponseEntity<JsonNode> putaway = post("mes", "/api/v1/receipts/" + id + "/putaway", "{}");
        assertThat(putaway.getStatusCode().value()).as(String.valueOf(putaway.getBody())).isEqualTo(200);
        assertThat(putaway.getBody().get("state").asText()).isEqualTo("PUT_AWAY");
    }

    @Test
    void theOverReceiptDecisionNamesItsApprovers() {
        String sku = newItem("NONE", false);
        String po = expected(sku, 10, "EA");
        String id = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 20, \"uom\": \"EA\"}"
                .formatted(po)).getBody().get("id").asText();
        assertThat(jdbc.sql("""
                SELECT i.group_id_ FROM act_ru_identitylink i JOIN act_ru_task t ON t.id_ = i.task_id_
                  JOIN act_ru_execution p ON p.id_ = t.proc_inst_id_
                 WHERE p.business_key_ = ? AND t.task_def_key_ = 'approveOverReceipt' AND i.type_ = 'candidate'""")
                .param(id).query(String.class).list()).as("the decision's roles").containsExactly("PLANNER");
        // as a rule version naming INVENTORY_CONTROLLER would have decided it
        jdbc.sql("UPDATE receipt SET approver_roles = 'INVENTORY_CONTROLLER' WHERE id = ?").param(Long.parseLong(id))
                .update();
        assertThat(post("petra", "/api/v1/receipts/" + id + "/approval", "{\"approved\": true}").getStatusCode()
                .value()).isEqualTo(403);
        assertThat(post("ivan", "/api/v1/receipts/" + id + "/approval", "{\"approved\": true}").getBody()
                .get("approvedBy").asText()).isEqualTo("ivan");
    }

    @Test
    void anOverReceiptWhoseStockQualityHeldWaitsForTheHoldWithAClearAnswer() {
        String sku = newItem("LOT", false);
        String po = expected(sku, 10, "EA");
        String lot = "H" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = receipt("olga", "{\"po\": \"%s\", \"line\": 1, \"quantity\": 20, \"uom\": \"EA\", \"lot\": \"%s\"}"
                .formatted(po, lot)).getBody().get("id").asText();
        ResponseEntity<JsonNode> hold = post("quinn", "/api/v1/quality-holds", """
                {"location": "P1-WH1-DOCK", "sku": "%s", "lot": "%s", "reason": "smells of solvent"}"""
                .formatted(sku, lot));
        assertThat(hold.getStatusCode().value()).as(String.valueOf(hold.getBody())).isEqualTo(201);
        assertThat(stock(sku, "P1-WH1-DOCK", "QUARANTINE")).isEqualByComparingTo("20");
        for (String approved : List.of("true", "false")) {
            ResponseEntity<JsonNode> r = post("petra", "/api/v1/receipts/" + id + "/approval",
                    "{\"approved\": " + approved + "}");
            assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(409);
            assertThat(r.getBody().get("type").asText()).endsWith("/conflict");
            assertThat(r.getBody().get("detail").asText()).contains("quality hold");
        }
        assertThat(get("olga", "/api/v1/receipts/" + id).at("/receipt/state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(stock(sku, "P1-WH1-DOCK", "QUARANTINE")).isEqualByComparingTo("20");
    }

    @Test
    void theCsvImportRefusesDatesTheJsonApiRefusesAndReadsAByteOrderMark() {
        String sku = newItem("NONE", false);
        String po = "PO-CSV-" + UUID.randomUUID().toString().substring(0, 8);
        String header = "po,line,supplier,sku,quantity,uom,due_date,warehouse\n";
        for (String due : List.of("0001-01-01", "-4000-01-01", "+99999-01-01", "1899-12-31")) {
            ResponseEntity<JsonNode> bad = csv(header + po + ",1,S001," + sku + ",5,EA," + due + ",P1-WH1\n");
            assertThat(bad.getStatusCode().value()).as(due).isEqualTo(422);
            assertThat(bad.getBody().get("errors").findValuesAsText("field")).as(due).contains("line 2.due_date");
        }
        assertThat(get("olga", "/api/v1/expected-receipts/" + po + "/1").get("status").asInt()).isEqualTo(404);
        ResponseEntity<JsonNode> bom = csv("\uFEFF" + header + po + ",1,S001," + sku + ",5,EA,9999-12-31,P1-WH1\r\n");
        assertThat(bom.getStatusCode().value()).as(String.valueOf(bom.getBody())).isEqualTo(200);
        assertThat(get("olga", "/api/v1/expected-receipts/" + po + "/1").get("dueDate").asText())
                .isEqualTo("9999-12-31");
    }

    @Test
    void aReceiptShowsWhereItsStockIsAndGivesItsLotTheExpiry() {
        String sku = newItem("LOT", false);
        String po = expected(sku, 100, "EA");
        String lot = "E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ResponseEntity<JsonNode> expired = receipt("olga", """
                {"po": "%s", "line": 1, "quantity": 10, "uom": "EA", "lot": "%s", "expiry": "%s"}"""
                .formatted(po, lot, LocalDate.now().minusDays(1)));
        assertThat(expired.getStatusCode().value()).isEqualTo(422);
        assertThat(expired.getBody().get("errors").findValuesAsText("field")).containsExactly("expiry");
        assertThat(stock(sku, "P1-WH1-DOCK", null)).isEqualByComparingTo("0");

        // typed with spaces: kept as the ledger keeps it, so the lot's trace finds the receipt
        JsonNode r = receipt("olga", """
                {"po": "%s", "line": 1, "quantity": 10, "uom": "EA", "lot": " %s ", "expiry": "2031-05-31"}"""
                .formatted(po, lot)).getBody();
        assertThat(r.get("lot").asText()).isEqualTo(lot);
        assertThat(get("quinn", "/api/v1/trace?sku=" + sku + "&lot=" + lot).get("receipts").findValuesAsText("receiptId"))
                .contains(r.get("id").asText());
        JsonNode lots = get("olga", "/api/v1/lots?sku=" + sku);
        assertThat(lots.at("/items/0/lot").asText()).isEqualTo(lot);
        assertThat(lots.at("/items/0/expiresOn").asText()).isEqualTo("2031-05-31");

        JsonNode passed = post("quinn", "/api/v1/receipts/" + r.get("id").asText() + "/inspection",
                "{\"passed\": true}").getBody();
        assertThat(passed.get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(stock(sku, "P1-WH1-DOCK", "AVAILABLE")).isEqualByComparingTo("10");

        ResponseEntity<JsonNode> otherExpiry = receipt("olga", """
                {"po": "%s", "line": 1, "quantity": 10, "uom": "EA", "lot": "%s", "expiry": "2031-06-30"}"""
                .formatted(po, lot));
        assertThat(otherExpiry.getStatusCode().value()).as(String.valueOf(otherExpiry.getBody())).isEqualTo(409);
        assertThat(otherExpiry.getBody().get("detail").asText()).contains("2031-05-31", "2031-06-30");
        assertThat(stock(sku, "P1-WH1-DOCK", null)).isEqualByComparingTo("10");
        assertThat(receipt("olga", """
                {"po": "%s", "line": 1, "quantity": 10, "uom": "EA", "lot": "%s", "expiry": "2031-05-31"}"""
                .formatted(po, lot)).getStatusCode().value()).isEqualTo(201);
    }

    // ---- helpers

    private ResponseEntity<JsonNode> csv(String body) {
        // bytes, as a file is sent (Excel's byte order mark included)
        return as("petra").post().uri("/api/v1/expected-receipts/import")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).retrieve().toEntity(JsonNode.class);
    }

    /** The demo warehouse has few empty STOCK locations and tests share the database: make one. */
    private void emptyStockLocation() {
        String code = "P1-WH1-ZR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ResponseEntity<JsonNode> r = json(as("ada").put(), "/api/v1/locations/" + code, null, """
                {"warehouse": "P1-WH1", "type": "STOCK", "countable": true, "allowNegative": false}""");
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
    }

    private String newItem(String tracking, boolean regulated) {
        return newItem(tracking, regulated, "TST");
    }

    private String newItem(String tracking, boolean regulated, String category) {
        String sku = "RCV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = json(as("ada").put(), "/api/v1/items/" + sku, null, """
                {"description": "Receiving test part", "baseUom": "EA", "uomConversions": [{"uom": "BOX", "factor": 10}],
                 "tracking": "%s", "abcClass": "C", "category": "%s", "unitCost": 2.50, "regulated": %s,
                 "defaultSupplier": "S001"}""".formatted(tracking, category, regulated));
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
        return sku;
    }

    private String expected(String sku, int quantity, String uom) {
        String po = "PO-T-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> r = json(as("petra").put(), "/api/v1/expected-receipts/" + po + "/1", null, """
                {"supplier": "S001", "sku": "%s", "quantity": %d, "uom": "%s", "dueDate": "2026-12-31",
                 "warehouse": "P1-WH1"}""".formatted(sku, quantity, uom));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return po;
    }

    private RestClient as(String user) {
        return Api.as(port, user);
    }

    private ResponseEntity<JsonNode> receipt(String user, String body) {
        return json(as(user).post(), "/api/v1/receipts", "rcpt-" + UUID.randomUUID(), body);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        return json(as(user).post(), path, null, body);
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> r = as(user).get().uri(path).retrieve().toEntity(JsonNode.class);
        return r.getBody();
    }

    private static ResponseEntity<JsonNode> json(RestClient.RequestBodyUriSpec spec, String path, String key,
                                                 String body) {
        RestClient.RequestBodySpec s = spec.uri(path).contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            s = s.header("Idempotency-Key", key);
        }
        return s.body(body).retrieve().toEntity(JsonNode.class);
    }

    /** The activities the receipt's receiving process passed, in order, and whether it has ended. */
    private java.util.List<String> path(JsonNode receipt) {
        return jdbc.sql("""
                SELECT a.act_id_ FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_
                 WHERE p.proc_def_key_ = 'receiving' AND p.business_key_ = ?
                 ORDER BY a.start_time_, a.sequence_counter_""")
                .param(receipt.get("id").asText()).query(String.class).list();
    }

    private boolean ended(JsonNode receipt) {
        return jdbc.sql("""
                SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'receiving' AND business_key_ = ?
                   AND end_time_ IS NOT NULL""").param(receipt.get("id").asText()).query(Integer.class).single() == 1;
    }

    private BigDecimal stock(String sku, String location, String status) {
        return jdbc.sql("""
                SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND location = ?
                   AND (cast(? AS varchar) IS NULL OR status = ?)""")
                .params(sku, location, status, status).query(BigDecimal.class).single();
    }
}
