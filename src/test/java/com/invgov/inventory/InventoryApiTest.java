package com.invgov.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The inventory endpoints of DESIGN §6 as clients use them, on the demo plant. */
@IntegrationTest
class InventoryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void itemsArePutByAdminsAndReadByEveryoneWithFiltersAndCursors() {
        RestClient ada = Api.as(port, "ada");
        String sku = "TST-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"description": "Hex bolt M10x30", "baseUom": "EA", "uomConversions": [{"uom": "BOX", "factor": 100}],
                 "tracking": "NONE", "abcClass": "C", "category": "TSTCAT", "unitCost": 0.26, "regulated": false}""";
        assertThat(put(ada, "/api/v1/items/" + sku, body).getStatusCode().value()).isEqualTo(201);
        assertThat(put(ada, "/api/v1/items/" + sku, body.replace("M10x30", "M10x35")).getStatusCode().value()).isEqualTo(200);
        JsonNode item = get(Api.as(port, "audrey"), "/api/v1/items/" + sku).getBody();
        assertThat(item.get("description").asText()).isEqualTo("Hex bolt M10x35");
        assertThat(item.get("uomConversions").get(0).get("uom").asText()).isEqualTo("BOX");
        assertThat(item.get("uomConversions").get(0).get("factor").decimalValue()).isEqualByComparingTo("100");
        assertThat(item.get("unitCost").decimalValue()).isEqualByComparingTo("0.26");
        // numbers as people write them: 100, not 1E+2
        assertThat(Api.as(port, "audrey").get().uri("/api/v1/items/" + sku).retrieve().body(String.class))
                .contains("\"factor\":100").doesNotContain("E+");

        // conversions naming the base UoM are refused
        assertThat(put(ada, "/api/v1/items/" + sku, body.replace("\"BOX\"", "\"EA\"")).getStatusCode().value()).isEqualTo(422);

        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = get(ada, "/api/v1/items?category=FAS&limit=20" + (after == null ? "" : "&after=" + after)).getBody();
            page.get("items").forEach(i -> {
                assertThat(i.get("category").asText()).isEqualTo("FAS");
                assertThat(seen.add(i.get("sku").asText())).isTrue();
            });
            after = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (after != null);
        long fasItems = jdbc.sql("SELECT count(*) FROM item WHERE category = 'FAS'").query(Long.class).single();
        assertThat(seen).hasSize((int) fasItems);
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void locationsSitesWarehousesAndSuppliers() {
        RestClient ada = Api.as(port, "ada");
        assertThat(put(ada, "/api/v1/sites/P9", "{\"name\": \"Plant 9\", \"timezone\": \"Europe/Vienna\"}")
                .getStatusCode().value()).isIn(200, 201);
        assertThat(put(ada, "/api/v1/sites/P8", "{\"name\": \"Plant 8\", \"timezone\": \"Mars/Olympus\"}")
                .getStatusCode().value()).isEqualTo(422);
        assertThat(put(ada, "/api/v1/warehouses/P9-WH1", "{\"site\": \"P9\", \"name\": \"Stores\"}")
                .getStatusCode().value()).isIn(200, 201);
        assertThat(put(ada, "/api/v1/locations/P9-WH1-A-01-01",
                "{\"warehouse\": \"P9-WH1\", \"type\": \"STOCK\", \"countable\": true, \"allowNegative\": false}")
                .getStatusCode().value()).isIn(200, 201);
        ResponseEntity<JsonNode> negativeStock = put(ada, "/api/v1/locations/P9-WH1-A-01-02",
                "{\"warehouse\": \"P9-WH1\", \"type\": \"STOCK\", \"countable\": true, \"allowNegative\": true}");
        assertThat(negativeStock.getStatusCode().value()).isEqualTo(422);
        assertThat(put(ada, "/api/v1/locations/P9-WH1-X", "{\"warehouse\": \"NOPE\", \"type\": \"STOCK\"}")
                .getStatusCode().value()).isEqualTo(422);
        assertThat(put(ada, "/api/v1/locations/CUSTOMER", "{\"warehouse\": \"P9-WH1\", \"type\": \"STOCK\"}")
                .getStatusCode().value()).isEqualTo(422);
        JsonNode locations = get(ada, "/api/v1/locations?warehouse=P9-WH1").getBody();
        assertThat(locations.get("items")).hasSize(1);
        assertThat(locations.get("items").get(0).get("type").asText()).isEqualTo("STOCK");
        JsonNode all = get(ada, "/api/v1/locations?limit=1000").getBody();
        all.get("items").forEach(l -> assertThat(l.get("code").asText()).isNotIn("SUPPLIER", "CUSTOMER", "ADJUSTMENT", "CONSUMED"));
        assertThat(get(ada, "/api/v1/warehouses?site=P1").getBody().get("items")).hasSize(2);
        assertThat(put(ada, "/api/v1/suppliers/S099", "{\"name\": \"Trial supplier\", \"status\": \"PROBATION\"}")
                .getStatusCode().value()).isIn(200, 201);
        assertThat(get(ada, "/api/v1/suppliers/S099").getBody().get("status").asText()).isEqualTo("PROBATION");
        assertThat(get(ada, "/api/v1/suppliers?status=PROBATION").getBody().get("items").size()).isGreaterThanOrEqualTo(3);
        assertThat(get(ada, "/api/v1/sites").getBody().get("items").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void stockListsRealLocationsInTheBaseUom() {
        RestClient olga = Api.as(port, "olga");
        JsonNode stock = get(olga, "/api/v1/stock?sku=CAB-00003").getBody();
        assertThat(stock.get("items").size()).isGreaterThan(0);
        JsonNode lots = get(olga, "/api/v1/lots?sku=CAB-00003&limit=1").getBody();
        assertThat(lots.get("items").get(0).get("sku").asText()).isEqualTo("CAB-00003");
        for (JsonNode b : stock.get("items")) {
            assertThat(b.get("uom").asText()).isEqualTo("M");
            assertThat(b.get("lot").isNull()).isFalse();
            assertThat(b.get("location").asText()).isNotIn("SUPPLIER", "CUSTOMER", "ADJUSTMENT", "CONSUMED");
        }
        JsonNode byWarehouse = get(olga, "/api/v1/stock?warehouse=P1-WH2&status=AVAILABLE&limit=5").getBody();
        assertThat(byWarehouse.get("items")).hasSize(5);
        byWarehouse.get("items").forEach(b -> assertThat(b.get("warehouse").asText()).isEqualTo("P1-WH2"));
        JsonNode next = get(olga, "/api/v1/stock?warehouse=P1-WH2&status=AVAILABLE&limit=5&after="
                + byWarehouse.get("next").asText()).getBody();
        assertThat(next.get("items").get(0).toString()).isNotEqualTo(byWarehouse.get("items").get(4).toString());
    }

    @Test
    void insufficientStockIs409AndTheRefusalIsReplayedForTheSameKey() {
        RestClient olga = Api.as(port, "olga");
        String key = "big-" + UUID.randomUUID();
        String body = """
                {"type": "TRANSFER", "sku": "NUT-00002", "quantity": 999999, "uom": "EA",
                 "from": {"location": "P1-WH1-A-06-01"}, "to": {"location": "P1-WH1-STG"}}""";
        long refusalsBefore = jdbc.sql("SELECT count(*) FROM stock_refusal WHERE kind = 'POSTING'").query(Long.class).single();
        ResponseEntity<JsonNode> first = post(olga, "/api/v1/movements", key, body);
        assertThat(first.getStatusCode().value()).isEqualTo(409);
        assertThat(first.getBody().get("type").asText()).endsWith("/insufficient-stock");
        assertThat(first.getBody().get("status").asInt()).as("RFC 9457: the HTTP status").isEqualTo(409);
        assertThat(first.getBody().get("stockStatus").asText()).isEqualTo("AVAILABLE");
        assertThat(first.getBody().get("available").decimalValue()).isEqualByComparingTo("50");
        ResponseEntity<JsonNode> again = post(olga, "/api/v1/movements", key, body);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        ResponseEntity<JsonNode> other = post(olga, "/api/v1/movements", key, body.replace("999999", "1"));
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getBody().get("type").asText()).endsWith("/idempotency-conflict");
        assertThat(jdbc.sql("SELECT count(*) FROM stock_refusal WHERE kind = 'POSTING'").query(Long.class).single())
                .isEqualTo(refusalsBefore + 1);
        // the same key from another caller is another key
        assertThat(post(Api.as(port, "omar"), "/api/v1/movements", key, body.replace("999999", "1"))
                .getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void reasonCodesAreAListEveryoneReadsAndAdminsExtend() {
        JsonNode codes = get(Api.as(port, "olga"), "/api/v1/reason-codes").getBody().get("items");
        assertThat(codes).extracting(c -> c.get("code").asText()).contains("LOST", "FOUND", "DAMAGED", "THEFT",
                "COUNT_ERROR", "UOM_ERROR", "UNREPORTED_SCRAP", "INTEGRATION_ERROR", "SAMPLE");
        assertThat(codes).allSatisfy(c -> assertThat(c.get("glAccount").asText()).isNotBlank());

        String code = "RECLASS_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String body = "{\"description\": \"Reclassification\", \"glAccount\": \"5850\"}";
        assertThat(put(Api.as(port, "olga"), "/api/v1/reason-codes/" + code, body).getStatusCode().value())
                .isEqualTo(403);
        assertThat(put(Api.as(port, "ada"), "/api/v1/reason-codes/" + code, body).getStatusCode().value())
                .isEqualTo(201);
        assertThat(put(Api.as(port, "ada"), "/api/v1/reason-codes/" + code, body.replace("5850", "5860"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(get(Api.as(port, "audrey"), "/api/v1/reason-codes/" + code).getBody().get("glAccount").asText())
                .isEqualTo("5860");
        assertThat(put(Api.as(port, "ada"), "/api/v1/reason-codes/" + code, "{\"description\": \"\"}")
                .getStatusCode().value()).isEqualTo(400);
        assertThat(get(Api.as(port, "ada"), "/api/v1/reason-codes/NOPE").getStatusCode().value()).isEqualTo(404);
        // an adjustment may be requested with it at once
        ResponseEntity<JsonNode> adjustment = post(Api.as(port, "ivan"), "/api/v1/adjustments", "rc-" + UUID.randomUUID(),
                """
                {"location": "P1-WH1-STG", "sku": "NUT-00002", "quantityDelta": 1, "uom": "EA",
                 "reasonCode": "%s", "note": "reclassified"}""".formatted(code));
        assertThat(adjustment.getStatusCode().value()).as("%s", adjustment.getBody()).isEqualTo(201);
        assertThat(adjustment.getBody().get("reasonCode").asText()).isEqualTo(code);
    }

    @Test
    void aLocationThatAllowsNegativeStockGoesBelowZeroAgainAndAgain() {
        RestClient ada = Api.as(port, "ada");
        RestClient olga = Api.as(port, "olga");
        // a warehouse of its own: a PRODUCTION location in a demo warehouse would become its backflush source
        assertThat(put(ada, "/api/v1/sites/P9", "{\"name\": \"Plant 9\", \"timezone\": \"Europe/Vienna\"}")
                .getStatusCode().value()).isIn(200, 201);
        assertThat(put(ada, "/api/v1/warehouses/P9-WH1", "{\"site\": \"P9\", \"name\": \"Stores\"}")
                .getStatusCode().value()).isIn(200, 201);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String line = "P9-WH1-LINE-" + suffix;
        String staging = "P9-WH1-STG-" + suffix;
        assertThat(put(ada, "/api/v1/locations/" + line, """
                {"warehouse": "P9-WH1", "type": "PRODUCTION", "countable": false, "allowNegative": true}""")
                .getStatusCode().value()).isIn(200, 201);
        assertThat(put(ada, "/api/v1/locations/" + staging, """
                {"warehouse": "P9-WH1", "type": "STAGING", "countable": false, "allowNegative": false}""")
                .getStatusCode().value()).isIn(200, 201);
        String out = """
                {"type": "TRANSFER", "sku": "NUT-00002", "quantity": 5, "uom": "EA",
                 "from": {"location": "%s"}, "to": {"location": "%s"}}""".formatted(line, staging);
        for (int i = 1; i <= 3; i++) {
            ResponseEntity<JsonNode> r = post(olga, "/api/v1/movements", "neg-" + UUID.randomUUID(), out);
            assertThat(r.getStatusCode().value()).as("transfer %s: %s", i, r.getBody()).isEqualTo(201);
            assertThat(quantity("NUT-00002", line)).isEqualByComparingTo(BigDecimal.valueOf(-5L * i));
        }
        // back to zero, then below it once more
        String in = """
                {"type": "TRANSFER", "sku": "NUT-00002", "quantity": 15, "uom": "EA",
                 "from": {"location": "%s"}, "to": {"location": "%s"}}""".formatted(staging, line);
        assertThat(post(olga, "/api/v1/movements", "neg-" + UUID.randomUUID(), in).getStatusCode().value())
                .isEqualTo(201);
        assertThat(post(olga, "/api/v1/movements", "neg-" + UUID.randomUUID(), out).getStatusCode().value())
                .isEqualTo(201);
        assertThat(quantity("NUT-00002", line)).isEqualByComparingTo("-5");

        // while it is below zero it keeps allowing it, and while it holds stock it keeps its kind and warehouse
        ResponseEntity<JsonNode> strict = put(ada, "/api/v1/locations/" + line, """
                {"warehouse": "P9-WH1", "type": "PRODUCTION", "countable": false, "allowNegative": false}""");
        assertThat(strict.getStatusCode().value()).as("%s", strict.getBody()).isEqualTo(409);
        ResponseEntity<JsonNode> retyped = put(ada, "/api/v1/locations/" + line, """
                {"warehouse": "P9-WH1", "type": "SCRAP", "countable": false, "allowNegative": true}""");
        assertThat(retyped.getStatusCode().value()).as("%s", retyped.getBody()).isEqualTo(409);
        assertThat(get(ada, "/api/v1/locations/" + line).getBody().get("type").asText()).isEqualTo("PRODUCTION");
    }

    @Test
    void aBatchPostsAllItsMovementsAtOnce() {
        RestClient mes = Api.as(port, "mes");
        BigDecimal rack = quantity("FAS-00001", "P1-WH1-A-03-01");
        BigDecimal dock = quantity("FAS-00001", "P1-WH1-DOCK");
        List<String> movements = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            movements.add("""
                    {"type": "RECEIPT", "sku": "FAS-00001", "quantity": 1, "uom": "BOX", "to": {"location": "P1-WH1-DOCK"},
                     "reference": "PO-BATCH"}""");
        }
        movements.add("""
                {"type": "TRANSFER", "sku": "FAS-00001", "quantity": 50, "uom": "BOX", "from": {"location": "P1-WH1-DOCK"},
                 "to": {"location": "P1-WH1-A-03-01"}}""");
        ResponseEntity<JsonNode> created = post(mes, "/api/v1/movements/batch", "b-" + UUID.randomUUID(),
                "{\"movements\": [" + String.join(",", movements) + "]}");
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("items")).hasSize(51);
        assertThat(created.getBody().get("items").get(50).get("quantity").decimalValue()).isEqualByComparingTo("5000");
        assertThat(quantity("FAS-00001", "P1-WH1-A-03-01")).isEqualByComparingTo(rack.add(new BigDecimal(5000)));
        assertThat(quantity("FAS-00001", "P1-WH1-DOCK")).isEqualByComparingTo(dock);
    }

    @Test
    void serialsAreInOnePlaceOnly() {
        RestClient mes = Api.as(port, "mes");
        String serial = jdbc.sql("SELECT serial FROM serial WHERE sku = 'MOT-00006' AND location = 'P1-WH1-B-06-01' LIMIT 1")
                .query(String.class).single();
        String again = """
                {"type": "RECEIPT", "sku": "MOT-00006", "quantity": 1, "uom": "EA", "serial": "%s",
                 "to": {"location": "P1-WH1-DOCK"}}""".formatted(serial);
        ResponseEntity<JsonNode> duplicate = post(mes, "/api/v1/movements", "s-" + UUID.randomUUID(), again);
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
        String fromElsewhere = """
                {"type": "TRANSFER", "sku": "MOT-00006", "quantity": 1, "uom": "EA", "serial": "%s",
                 "from": {"location": "P1-WH1-STG"}, "to": {"location": "P1-WH1-DOCK"}}""".formatted(serial);
        assertThat(post(mes, "/api/v1/movements", "s-" + UUID.randomUUID(), fromElsewhere).getStatusCode().value()).isEqualTo(409);
        String move = fromElsewhere.replace("P1-WH1-STG", "P1-WH1-B-06-01");
        assertThat(post(mes, "/api/v1/movements", "s-" + UUID.randomUUID(), move).getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT location FROM serial WHERE sku = 'MOT-00006' AND serial = ?").param(serial)
                .query(String.class).single()).isEqualTo("P1-WH1-DOCK");
        JsonNode unit = get(mes, "/api/v1/serials?sku=MOT-00006&location=P1-WH1-DOCK").getBody().get("items");
        assertThat(unit).anySatisfy(u -> assertThat(u.get("serial").asText()).isEqualTo(serial));
        String twoUnits = move.replace("\"quantity\": 1", "\"quantity\": 2");
        assertThat(post(mes, "/api/v1/movements", "s-" + UUID.randomUUID(), twoUnits).getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void balanceAsOfCountsLatePostingsByEventTime() {
        RestClient olga = Api.as(port, "olga");
        String sku = "SPR-AS-OF-" + UUID.randomUUID().toString().substring(0, 6);
        put(Api.as(port, "ada"), "/api/v1/items/" + sku, """
                {"description": "as-of probe", "baseUom": "EA", "tracking": "NONE", "abcClass": "A", "unitCost": 10.4}""");
        post(olga, "/api/v1/movements", "r-" + UUID.randomUUID(), """
                {"type": "RECEIPT", "sku": "%s", "quantity": 100, "uom": "EA", "to": {"location": "P1-WH1-A-02-01"},
                 "eventTime": "2026-11-01T08:00:00Z"}""".formatted(sku));
        // learned late: this happened on 2026-11-02, before a count at 2026-11-03
        post(olga, "/api/v1/movements", "r-" + UUID.randomUUID(), """
                {"type": "TRANSFER", "sku": "%s", "quantity": 30, "uom": "EA", "from": {"location": "P1-WH1-A-02-01"},
                 "to": {"location": "P1-WH1-STG"}, "eventTime": "2026-11-02T08:00:00Z"}""".formatted(sku));
        // held later, learned later still: 20 of them went to QUARANTINE on 2026-11-04 (an ADMIN's correction: a
        // plain movement into QUARANTINE is refused to anyone else, holds are the quality module's)
        post(Api.as(port, "ada"), "/api/v1/movements", "r-" + UUID.randomUUID(), """
                {"type": "STATUS_CHANGE", "sku": "%s", "quantity": 20, "uom": "EA",
                 "from": {"location": "P1-WH1-A-02-01"},
                 "to": {"location": "P1-WH1-A-02-01", "status": "QUARANTINE"},
                 "eventTime": "2026-11-04T08:00:00Z"}""".formatted(sku));
        assertThat(asOf(olga, sku, "2026-11-01T12:00:00Z")).isEqualByComparingTo("100");
        assertThat(asOf(olga, sku, "2026-11-03T00:00:00Z")).isEqualByComparingTo("70");
        assertThat(asOf(olga, sku, "2026-10-01T00:00:00Z")).isEqualByComparingTo("0");
        // every status (what a count sees), then one status at a time, before and after the hold
        assertThat(asOf(olga, sku, "2026-11-05T00:00:00Z")).isEqualByComparingTo("70");
        assertThat(asOf(olga, sku + "&status=AVAILABLE", "2026-11-05T00:00:00Z")).isEqualByComparingTo("50");
        assertThat(asOf(olga, sku + "&status=QUARANTINE", "2026-11-05T00:00:00Z")).isEqualByComparingTo("20");
        assertThat(asOf(olga, sku + "&status=QUARANTINE", "2026-11-03T00:00:00Z")).isEqualByComparingTo("0");
        assertThat(asOf(olga, sku + "&status=AVAILABLE", "2026-11-03T00:00:00Z")).isEqualByComparingTo("70");
        assertThat(get(olga, "/api/v1/stock/as-of?sku=" + sku + "&location=P1-WH1-STG&at=2026-11-05T00:00:00Z")
                .getBody().get("quantity").decimalValue()).isEqualByComparingTo("30");
    }

    @Test
    void reservationsHoldAvailableStockAndRefusalsAreCounted() {
        RestClient planner = Api.as(port, "petra");
        String sku = "RSV-" + UUID.randomUUID().toString().substring(0, 6);
        put(Api.as(port, "ada"), "/api/v1/items/" + sku, """
                {"description": "reservation probe", "baseUom": "EA", "tracking": "NONE", "abcClass": "B", "unitCost": 1}""");
        post(Api.as(port, "olga"), "/api/v1/movements", "r-" + UUID.randomUUID(), """
                {"type": "RECEIPT", "sku": "%s", "quantity": 10, "uom": "EA", "to": {"location": "P1-WH1-A-02-02"}}"""
                .formatted(sku));
        String reserve = """
                {"sku": "%s", "location": "P1-WH1-A-02-02", "quantity": 8, "uom": "EA", "reference": "MO-77"}""".formatted(sku);
        ResponseEntity<JsonNode> held = post(planner, "/api/v1/reservations", "v-" + UUID.randomUUID(), reserve);
        assertThat(held.getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> tooMuch = post(planner, "/api/v1/reservations", "v-" + UUID.randomUUID(),
                reserve.replace("\"quantity\": 8", "\"quantity\": 3"));
        assertThat(tooMuch.getStatusCode().value()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM stock_refusal WHERE kind = 'RESERVATION' AND sku = ?").param(sku)
                .query(Long.class).single()).isEqualTo(1);
        // reserved stock cannot be moved away
        ResponseEntity<JsonNode> move = post(Api.as(port, "olga"), "/api/v1/movements", "m-" + UUID.randomUUID(), """
                {"type": "TRANSFER", "sku": "%s", "quantity": 3, "uom": "EA", "from": {"location": "P1-WH1-A-02-02"},
                 "to": {"location": "P1-WH1-STG"}}""".formatted(sku));
        assertThat(move.getStatusCode().value()).isEqualTo(409);
        JsonNode balance = get(planner, "/api/v1/stock?sku=" + sku).getBody().get("items").get(0);
        assertThat(balance.get("reserved").decimalValue()).isEqualByComparingTo("8");
        // ...but issued against its own reference, which uses the reservation up
        ResponseEntity<JsonNode> issue = post(Api.as(port, "olga"), "/api/v1/movements", "m-" + UUID.randomUUID(), """
                {"type": "ISSUE", "sku": "%s", "quantity": 5, "uom": "EA", "from": {"location": "P1-WH1-A-02-02"},
                 "to": {"location": "P1-WH1-PROD"}, "reference": "MO-77"}""".formatted(sku));
        assertThat(issue.getStatusCode().value()).isEqualTo(201);
        balance = get(planner, "/api/v1/stock?sku=" + sku + "&location=P1-WH1-A-02-02").getBody().get("items").get(0);
        assertThat(balance.get("quantity").decimalValue()).isEqualByComparingTo("5");
        assertThat(balance.get("reserved").decimalValue()).isEqualByComparingTo("3");
        String id = held.getBody().get("id").asText();
        assertThat(get(planner, "/api/v1/reservations/" + id).getBody().get("quantity").decimalValue())
                .isEqualByComparingTo("3");
        ResponseEntity<JsonNode> released = planner.post().uri("/api/v1/reservations/" + id + "/release").retrieve()
                .toEntity(JsonNode.class);
        assertThat(released.getBody().get("status").asText()).isEqualTo("RELEASED");
        assertThat(planner.post().uri("/api/v1/reservations/" + id + "/release").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(409);
        assertThat(get(planner, "/api/v1/stock?sku=" + sku + "&location=P1-WH1-A-02-02").getBody().get("items").get(0)
                .get("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(post(Api.as(port, "audrey"), "/api/v1/reservations", "v-" + UUID.randomUUID(), reserve)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theEventFeedCarriesPostedMovementsInOrder() {
        RestClient mes = Api.as(port, "mes");
        JsonNode start = get(mes, "/api/v1/events?limit=1000").getBody();
        String cursor = start.get("next").asText();
        while (true) {
            JsonNode page = get(mes, "/api/v1/events?limit=1000&after=" + cursor).getBody();
            if (page.get("items").isEmpty()) {
                break;
            }
            cursor = page.get("next").asText();
        }
        ResponseEntity<JsonNode> posted = post(mes, "/api/v1/movements", "e-" + UUID.randomUUID(), """
                {"type": "RECEIPT", "sku": "FAS-00001", "quantity": 3, "uom": "EA", "to": {"location": "P1-WH1-DOCK"}}""");
        JsonNode events = get(mes, "/api/v1/events?after=" + cursor).getBody();
        assertThat(events.get("items")).hasSize(1);
        JsonNode event = events.get("items").get(0);
        assertThat(event.get("type").asText()).isEqualTo("MovementPosted");
        assertThat(event.get("subjectId").asText()).isEqualTo(posted.getBody().get("id").asText());
        assertThat(event.get("payload").get("quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(get(mes, "/api/v1/events?after=" + events.get("next").asText()).getBody().get("items")).isEmpty();
        // the feed carries adjustments with their system quantities: a counter does not read it (blind counts)
        ResponseEntity<JsonNode> counter = get(Api.as(port, "omar"), "/api/v1/events?limit=1");
        assertThat(counter.getStatusCode().value()).isEqualTo(403);
        assertThat(counter.getBody().get("type").asText()).endsWith("/forbidden");
    }

    @Test
    void theLedgerIsListedOldestFirstPerItemAndLocation() {
        RestClient audrey = Api.as(port, "audrey");
        JsonNode page = get(audrey, "/api/v1/movements?sku=FAS-00001&location=P1-WH1-A-03-03&limit=3").getBody();
        long previous = 0;
        for (JsonNode m : page.get("items")) {
            assertThat(m.get("sku").asText()).isEqualTo("FAS-00001");
            assertThat(List.of(m.get("from").get("location").asText(), m.get("to").get("location").asText()))
                    .contains("P1-WH1-A-03-03");
            assertThat(Long.parseLong(m.get("id").asText())).isGreaterThan(previous);
            previous = Long.parseLong(m.get("id").asText());
        }
        assertThat(page.get("items").get(0).get("type").asText()).isEqualTo("RECEIPT");
        assertThat(get(audrey, "/v3/api-docs").getBody().get("paths").has("/api/v1/movements")).isTrue();
    }

    private BigDecimal asOf(RestClient client, String sku, String at) {
        return get(client, "/api/v1/stock/as-of?sku=" + sku + "&location=P1-WH1-A-02-01&at=" + at).getBody()
                .get("quantity").decimalValue();
    }

    private BigDecimal quantity(String sku, String location) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND location = ?")
                .params(sku, location).query(BigDecimal.class).single();
    }

    private static ResponseEntity<JsonNode> put(RestClient client, String path, String body) {
        return client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private static ResponseEntity<JsonNode> post(RestClient client, String path, String key, String body) {
        return client.post().uri(path).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    private static ResponseEntity<JsonNode> get(RestClient client, String path) {
        return client.get().uri(path).retrieve().toEntity(JsonNode.class);
    }
}
