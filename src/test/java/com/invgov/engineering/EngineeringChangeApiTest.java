package com.invgov.engineering;

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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/ecos}: raising with its refusals, reading and paging; routing by eco-routing (QUALITY for a
 * regulated component, FINANCE above 5000.00 of obsolete stock); segregation of duties on the approvals; the impact
 * analysis on the demo plant's own BOM and stock.
 */
@IntegrationTest
class EngineeringChangeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void badInputIs422NamingEveryFieldAndStoresNothing() {
        EcoFixture f = EcoFixture.product(port, jdbc);
        String a = f.component("A", "1.00", false);
        f.bom("A", "ACTIVE", a + ":1");
        long before = count();

        assertFields(f.raise("erik", """
                {"product": "NOPE-%s", "lines": [], "effectiveFrom": "2020-01-01", "reason": " "}"""
                .formatted(f.suffix)), "product", "lines", "effectiveFrom", "reason");
        assertFields(f.raise("erik", """
                {"product": "%s", "effectiveFrom": "%s", "reason": "r", "lines": [
                  {"component": "NOPE-%s", "quantity": 1, "uom": "EA", "consumption": "MANUAL"},
                  {"component": "%s", "quantity": 0, "uom": "KG", "consumption": "SOMETIMES"},
                  {"component": "%s", "quantity": 1.0000001, "uom": "EA", "consumption": "MANUAL"},
                  {"component": "%s", "quantity": 1000000000001, "uom": "EA", "consumption": "MANUAL"},
                  {"component": "%s", "quantity": -1, "uom": "EA", "consumption": "MANUAL"}]}"""
                .formatted(f.product, EcoFixture.tomorrow(), f.suffix, a, f.product, a, a)),
                "lines[0].component", "lines[1].quantity", "lines[1].uom", "lines[1].consumption",
                "lines[2].component", "lines[2].quantity", "lines[3].component", "lines[3].quantity",
                "lines[4].component", "lines[4].quantity");
        assertFields(f.raise("erik", f.body(EcoFixture.tomorrow(), a + ":1")), "lines");
        assertFields(f.raise("erik", f.body(EcoFixture.tomorrow(), a + ":2").replace("\"lines\"",
                "\"revision\": \"A\", \"lines\"")), "revision");
        assertFields(f.raise("erik", "{}"), "product", "lines", "effectiveFrom", "reason");
        // a sub-assembly made from the product cannot become its component: the BOM would go round in a circle
        String sub = f.component("SUB", "5.00", false);
        String top = f.component("TOP", "9.00", false);
        jdbc.sql("""
                INSERT INTO bom_line (product, revision, status, effective_from, line, component, quantity, uom,
                                      consumption) VALUES (?, 'A', 'ACTIVE', current_date, 1, ?, 1, 'EA', 'MANUAL'),
                                                          (?, 'A', 'ACTIVE', current_date, 1, ?, 1, 'EA', 'MANUAL')""")
                .params(sub, top, top, f.product).update();
        assertFields(f.raise("erik", f.body(EcoFixture.tomorrow(), a + ":1", sub + ":1")), "lines[1].component");

        assertThat(count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void malformedForbiddenAndConflictingRequestsAreRefused() {
        EcoFixture f = EcoFixture.product(port, jdbc);
        String a = f.component("A", "1.00", false);
        f.bom("A", "ACTIVE", a + ":1");
        String body = f.body(EcoFixture.tomorrow(), a + ":2");

        ResponseEntity<JsonNode> planner = f.raise("petra", body);
        assertThat(planner.getStatusCode().value()).isEqualTo(403);
        assertThat(planner.getBody().get("type").asText()).endsWith("/forbidden");
        ResponseEntity<JsonNode> noKey = Api.as(port, "erik").post().uri("/api/v1/ecos")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
        assertThat(noKey.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> badDate = f.raise("erik", body.replace(EcoFixture.tomorrow(), "tomorrow"));
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> notJson = f.raise("erik", "{\"product\": ");
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);

        String key = "t9-replay-" + f.suffix;
        ResponseEntity<JsonNode> first = raiseWithKey(key, body);
        assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(201);
        assertThat(first.getHeaders().getLocation().toString()).endsWith("/api/v1/ecos/" + first.getBody().get("id")
                .asText());
        ResponseEntity<JsonNode> replay = raiseWithKey(key, body);
        assertThat(replay.getStatusCode().value()).isEqualTo(201);
        assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.getBody().get("id")).isEqualTo(first.getBody().get("id"));

        ResponseEntity<JsonNode> second = f.raise("erik", f.body(EcoFixture.tomorrow(), a + ":3"));
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getBody().get("detail").asText()).contains(first.getBody().get("id").asText());
    }

    @Test
    void everyRoleReadsChangesAPageAtATime() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EcoFixture f = EcoFixture.product(port, jdbc);
            String a = f.component("A", "1.00", false);
            ids.add(0, f.raised(EcoFixture.tomorrow(), a + ":1").get("id").asText());
        }
        for (String user : List.of("olga", "audrey", "mes", "fiona")) {
            ResponseEntity<JsonNode> one = Api.as(port, user).get().uri("/api/v1/ecos/" + ids.get(0)).retrieve()
                    .toEntity(JsonNode.class);
            assertThat(one.getStatusCode().value()).as(user).isEqualTo(200);
        }
        List<String> seen = new ArrayList<>();
        String after = "";
        do {
            JsonNode page = Api.as(port, "olga").get().uri("/api/v1/ecos?status=pending_approval&limit=2&after="
                    + after).retrieve().body(JsonNode.class);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(s -> {
                assertThat(s.get("status").asText()).isEqualTo("PENDING_APPROVAL");
                seen.add(s.get("id").asText());
            });
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        assertThat(seen).containsSubsequence(ids).doesNotHaveDuplicates();

        RestClientCalls calls = new RestClientCalls();
        assertThat(calls.status("/api/v1/ecos/ECO-999999999")).isEqualTo(404);
        assertThat(calls.status("/api/v1/ecos/42")).isEqualTo(404);
        String first = ids.get(0);
        String number = first.substring("ECO-".length());
        for (String alias : List.of("ECO-0" + number, "ECO-+" + number, "eco-" + number)) {
            assertThat(calls.status("/api/v1/ecos/" + alias)).as("%s is not %s", alias, first).isEqualTo(404);
        }
        assertThat(calls.status("/api/v1/ecos?status=DONE")).isEqualTo(400);
        assertThat(calls.status("/api/v1/ecos?after=%%%")).isEqualTo(400);
        assertThat(calls.status("/api/v1/ecos?limit=0")).isEqualTo(400);
        assertThat(Api.anonymous(port).get().uri("/api/v1/ecos").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(401);
        JsonNode docs = Api.as(port, "audrey").get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        assertThat(docs.get("paths").has("/api/v1/ecos")).isTrue();
        assertThat(docs.get("paths").has("/api/v1/ecos/{id}")).isTrue();
    }

    @Test
    void aRegulatedComponentAddsQualityAndObsoleteStockAbove5000AddsFinance() {
        // dropping 1000 EA at 6.00 used nowhere else: 6000.00 of obsolete stock → FINANCE
        EcoFixture f = EcoFixture.product(port, jdbc);
        String keep = f.component("KEEP", "1.00", false);
        String dear = f.component("DEAR", "6.00", false);
        f.bom("A", "ACTIVE", keep + ":1", dear + ":2");
        f.stock(dear, 1000);
        JsonNode finance = f.raised(EcoFixture.tomorrow(), keep + ":1");
        assertThat(finance.at("/impact/obsoleteWriteOffValue").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(roles(finance)).containsExactly("ENGINEER", "PLANNER", "FINANCE");
        assertThat(finance.at("/routing/firedRules")).hasSize(2);
        assertThat(f.taskOf("fiona", finance.get("id").asText(), "approve")).isNotNull();

        // exactly 5000.00 is not above the limit
        EcoFixture g = EcoFixture.product(port, jdbc);
        String k2 = g.component("KEEP", "1.00", false);
        String limit = g.component("LIMIT", "5.00", false);
        g.bom("A", "ACTIVE", k2 + ":1", limit + ":1");
        g.stock(limit, 1000);
        JsonNode atLimit = g.raised(EcoFixture.tomorrow(), k2 + ":1");
        assertThat(atLimit.at("/impact/obsoleteWriteOffValue").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(roles(atLimit)).containsExactly("ENGINEER", "PLANNER");

        // the same stock is not obsolete while another product's current BOM uses it
        EcoFixture h = EcoFixture.product(port, jdbc);
        String k3 = h.component("KEEP", "1.00", false);
        String shared = h.component("SHARED", "6.00", false);
        h.bom("A", "ACTIVE", k3 + ":1", shared + ":1");
        h.stock(shared, 1000);
        EcoFixture other = EcoFixture.product(port, jdbc);
        other.bom("A", "ACTIVE", shared + ":1");
        JsonNode notObsolete = h.raised(EcoFixture.tomorrow(), k3 + ":1");
        assertThat(notObsolete.at("/impact/outgoing/0/obsolete").asBoolean()).isFalse();
        assertThat(notObsolete.at("/impact/outgoing/0/onHandValue").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(notObsolete.at("/impact/obsoleteWriteOffValue").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(roles(notObsolete)).containsExactly("ENGINEER", "PLANNER");

        // adding a regulated component → QUALITY
        EcoFixture q = EcoFixture.product(port, jdbc);
        String k4 = q.component("KEEP", "1.00", false);
        String reg = q.component("REG", "1.00", true);
        q.bom("A", "ACTIVE", k4 + ":1");
        JsonNode quality = q.raised(EcoFixture.tomorrow(), k4 + ":1", reg + ":1");
        assertThat(quality.at("/impact/anyRegulatedComponent").asBoolean()).isTrue();
        assertThat(roles(quality)).containsExactly("ENGINEER", "PLANNER", "QUALITY");
        assertThat(q.taskOf("quinn", quality.get("id").asText(), "approve")).isNotNull();
    }

    @Test
    void theImpactListsOutgoingStockWhereItIsAndWhatOpenOrdersHaveIssuedOfIt() {
        EcoFixture f = EcoFixture.product(port, jdbc);
        String keep = f.component("KEEP", "1.00", false);
        String old = f.component("OLD", "2.50", false);
        f.bom("A", "ACTIVE", keep + ":1", old + ":2");
        f.stock(old, 10);
        ResponseEntity<JsonNode> order = f.post("petra", "/api/v1/production-orders", """
                {"sku": "%s", "bomRevision": "A", "quantity": 2}""".formatted(f.product));
        String orderId = order.getBody().get("id").asText();
        ResponseEntity<JsonNode> issued = f.post("olga", "/api/v1/production-orders/" + orderId + "/issues", """
                {"sku": "%s", "quantity": 3, "uom": "EA", "location": "%s"}""".formatted(old, f.location));
        assertThat(issued.getStatusCode().value()).as("%s", issued.getBody()).isEqualTo(201);

        // 2 → 1 per product: OLD is reduced (outgoing, not obsolete); KEEP unchanged is not listed
        JsonNode impact = f.raised(EcoFixture.tomorrow(), keep + ":1", old + ":1").get("impact");

        assertThat(impact.get("changes")).hasSize(1);
        assertThat(impact.at("/changes/0/change").asText()).isEqualTo("REDUCED");
        assertThat(impact.at("/changes/0/oldQuantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(impact.at("/changes/0/newQuantity").decimalValue()).isEqualByComparingTo("1");
        JsonNode out = impact.at("/outgoing/0");
        assertThat(out.get("component").asText()).isEqualTo(old);
        assertThat(out.get("onHand").decimalValue()).isEqualByComparingTo("7");
        assertThat(out.at("/onHandByStatus/AVAILABLE").decimalValue()).isEqualByComparingTo("7");
        assertThat(out.at("/onHandByStatus/QUARANTINE").decimalValue()).isEqualByComparingTo("0");
        assertThat(out.get("stock")).hasSize(1);
        assertThat(out.at("/stock/0/location").asText()).isEqualTo(f.location);
        assertThat(out.get("onHandValue").decimalValue()).isEqualByComparingTo("17.50");
        assertThat(out.get("writeOffValue").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(impact.get("outgoingOnHandValue").decimalValue()).isEqualByComparingTo("17.50");
        assertThat(impact.get("openOrders")).hasSize(1);
        assertThat(impact.at("/openOrders/0/id").asText()).isEqualTo(orderId);
        assertThat(impact.at("/openOrders/0/bomRevision").asText()).isEqualTo("A");
        assertThat(impact.at("/openOrders/0/wip/0/component").asText()).isEqualTo(old);
        assertThat(impact.at("/openOrders/0/wip/0/quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(impact.at("/openOrders/0/wip/0/value").decimalValue()).isEqualByComparingTo("7.50");
    }

    @Test
    void whoRaisedMayNotApproveAndNobodyApprovesTwice() {
        EcoFixture f = EcoFixture.product(port, jdbc);
        String a = f.component("A", "1.00", false);
        f.bom("A", "ACTIVE", a + ":1");
        String id = f.raised(EcoFixture.tomorrow(), a + ":2").get("id").asText();

        assertThat(f.taskOf("erik", id, "approve")).as("the raiser is not offered the approval").isNull();
        JsonNode engineerTask = f.taskOf(EcoFixture.SECOND_ENGINEER, id, "approve");
        ResponseEntity<JsonNode> own = f.complete("erik", engineerTask.get("id").asText(),
                "{\"approved\": true, \"comment\": \"mine\"}");
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(own.getBody().get("type").asText()).endsWith("/segregation-of-duties");

        // someone who is ENGINEER and PLANNER decides once
        String both = TestUsers.ensure(jdbc, "ep-" + f.suffix.toLowerCase(), "ENGINEER");
        TestUsers.ensure(jdbc, both, "PLANNER");
        f.approve(both, id);
        JsonNode plannerTask = f.taskOf("petra", id, "approve");
        assertThat(f.taskOf(both, id, "approve")).as("not offered a second time").isNull();
        ResponseEntity<JsonNode> twice = f.complete(both, plannerTask.get("id").asText(),
                "{\"approved\": true, \"comment\": \"again\"}");
        assertThat(twice.getStatusCode().value()).isEqualTo(403);
        assertThat(twice.getBody().get("type").asText()).endsWith("/segregation-of-duties");

        ResponseEntity<JsonNode> noDecision = f.complete("petra", plannerTask.get("id").asText(), "{}");
        assertThat(noDecision.getStatusCode().value()).isEqualTo(422);
        ResponseEntity<JsonNode> wrongTask = f.complete("olga", plannerTask.get("id").asText(),
                "{\"approved\": true}");
        assertThat(wrongTask.getStatusCode().value()).isEqualTo(403);
        f.approve("petra", id);

        JsonNode dispose = f.taskOf("erik", id, "dispose");
        ResponseEntity<JsonNode> bad = f.complete("erik", dispose.get("id").asText(), "{\"disposition\": \"BURN\"}");
        assertThat(bad.getStatusCode().value()).isEqualTo(422);
        assertThat(bad.getBody().at("/errors/0/field").asText()).isEqualTo("disposition");
        JsonNode change = f.change(id);
        assertThat(change.get("status").asText()).isEqualTo("PENDING_DISPOSITION");
        assertThat(change.get("approvals")).hasSize(2);
    }

    @Test
    void impactOnTheDemoPlantMatchesItsStockAndCosts() {
        // ASM-0002 rev A without PLA-00230 (on no other BOM) and with 1 instead of 2 VLV-00374
        RestClientCalls calls = new RestClientCalls();
        BigDecimal pla = calls.onHand("PLA-00230");
        BigDecimal vlv = calls.onHand("VLV-00374");
        BigDecimal plaCost = calls.unitCost("PLA-00230");
        assertThat(pla).as("the demo plant has PLA-00230 in stock").isPositive();
        String body = """
                {"product": "ASM-0002", "effectiveFrom": "%s", "reason": "PLA-00230 replaced by a moulded part",
                 "lines": [
                  {"component": "MOT-00160", "quantity": 8, "uom": "EA", "consumption": "MANUAL"},
                  {"component": "VLV-00385", "quantity": 4, "uom": "EA", "consumption": "MANUAL"},
                  {"component": "PLA-00263", "quantity": 16, "uom": "EA", "consumption": "MANUAL"},
                  {"component": "MOT-00457", "quantity": 1, "uom": "EA", "consumption": "MANUAL"},
                  {"component": "FAS-00078", "quantity": 16, "uom": "EA", "consumption": "BACKFLUSH"},
                  {"component": "VLV-00374", "quantity": 1, "uom": "EA", "consumption": "MANUAL"},
                  {"component": "CAB-00311", "quantity": 6, "uom": "M", "consumption": "BACKFLUSH"}]}"""
                .formatted(EcoFixture.tomorrow());
        ResponseEntity<JsonNode> r = Api.as(port, "erik").post().uri("/api/v1/ecos")
                .header("Idempotency-Key", "t9-demo-" + java.util.UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        JsonNode eco = r.getBody();
        try {
            assertThat(eco.get("fromRevision").asText()).isEqualTo("A");
            JsonNode impact = eco.get("impact");
            assertThat(impact.get("changes")).hasSize(2);
            JsonNode dropped = find(impact.get("outgoing"), "PLA-00230");
            assertThat(dropped.get("dropped").asBoolean()).isTrue();
            assertThat(dropped.get("obsolete").asBoolean()).isTrue();
            assertThat(dropped.get("onHand").decimalValue()).isEqualByComparingTo(pla);
            BigDecimal byStatus = BigDecimal.ZERO;
            for (JsonNode v : dropped.get("onHandByStatus")) {
                byStatus = byStatus.add(v.decimalValue());
            }
            assertThat(byStatus).isEqualByComparingTo(pla);
            BigDecimal writeOff = pla.multiply(plaCost).setScale(2, java.math.RoundingMode.HALF_UP);
            assertThat(dropped.get("writeOffValue").decimalValue()).isEqualByComparingTo(writeOff);
            JsonNode reduced = find(impact.get("outgoing"), "VLV-00374");
            assertThat(reduced.get("dropped").asBoolean()).isFalse();
            assertThat(reduced.get("onHand").decimalValue()).isEqualByComparingTo(vlv);
            assertThat(reduced.get("writeOffValue").decimalValue()).isEqualByComparingTo("0");
            assertThat(impact.get("obsoleteWriteOffValue").decimalValue()).isEqualByComparingTo(writeOff);
            List<String> expected = new ArrayList<>(List.of("ENGINEER", "PLANNER"));
            if (impact.get("anyRegulatedComponent").asBoolean()) {
                expected.add("QUALITY");
            }
            if (writeOff.compareTo(new BigDecimal("5000.00")) > 0) {
                expected.add("FINANCE");
            }
            assertThat(roles(eco)).containsExactlyElementsOf(expected);
        } finally {
            // the demo's BOM stays as it is: the change is rejected
            EcoFixture any = EcoFixture.product(port, jdbc);
            JsonNode task = any.taskOf("petra", eco.get("id").asText(), "approve");
            any.complete("petra", task.get("id").asText(), "{\"approved\": false, \"comment\": \"test only\"}");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM bom_line WHERE product = 'ASM-0002' AND revision = 'A' AND "
                + "status = 'ACTIVE'").query(Integer.class).single()).isEqualTo(8);
    }

    private ResponseEntity<JsonNode> raiseWithKey(String key, String body) {
        return Api.as(port, "erik").post().uri("/api/v1/ecos").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private static JsonNode find(JsonNode outgoing, String sku) {
        for (JsonNode o : outgoing) {
            if (sku.equals(o.get("component").asText())) {
                return o;
            }
        }
        throw new AssertionError(sku + " is not outgoing: " + outgoing);
    }

    private static List<String> roles(JsonNode eco) {
        List<String> roles = new ArrayList<>();
        eco.at("/routing/approverRoles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM engineering_change").query(Long.class).single();
    }

    private static void assertFields(ResponseEntity<JsonNode> r, String... fields) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
        assertThat(r.getBody().get("type").asText()).endsWith("/validation");
        List<String> named = new ArrayList<>();
        r.getBody().get("errors").forEach(e -> named.add(e.get("field").asText()));
        assertThat(named).containsExactlyInAnyOrder(fields);
    }

    private final class RestClientCalls {

        int status(String uri) {
            return Api.as(port, "olga").get().uri(uri).retrieve().toEntity(JsonNode.class).getStatusCode().value();
        }

        BigDecimal onHand(String sku) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode b : Api.as(port, "audrey").get().uri("/api/v1/stock?sku=" + sku + "&limit=1000").retrieve()
                    .body(JsonNode.class).get("items")) {
                sum = sum.add(b.get("quantity").decimalValue());
            }
            return sum;
        }

        BigDecimal unitCost(String sku) {
            return Api.as(port, "audrey").get().uri("/api/v1/items/" + sku).retrieve().body(JsonNode.class)
                    .get("unitCost").decimalValue();
        }
    }
}
