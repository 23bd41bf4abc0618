package com.invgov.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.rules.model.AdjustmentOutcome;
import com.invgov.rules.model.AdjustmentToleranceFact;
import com.invgov.rules.model.VarianceSource;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule-set API of DESIGN §6 end to end: seeding, versions, four-eyes publishing, rollback, simulation. */
@IntegrationTest
class RuleSetApiTest {

    private static final String BASE = "/api/v1/rulesets";

    @LocalServerPort
    int port;
    @Autowired
    RuleDecisions decisions;
    @Autowired
    JdbcClient jdbc;

    private ResponseEntity<JsonNode> get(String user, String path) {
        return Api.as(port, user).get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return Api.as(port, user).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    private static Map<String, Object> adjustmentTable(double aPercent, double limit) {
        return Map.of("rows", List.of(
                        Map.of("abcClass", "A", "maxDiffPercent", aPercent, "maxDiffValue", 100.00),
                        Map.of("abcClass", "B", "maxDiffPercent", 2.0, "maxDiffValue", 250.00),
                        Map.of("abcClass", "C", "maxDiffPercent", 5.0, "maxDiffValue", 500.00)),
                "singleApproverValueLimit", limit);
    }

    /** An A item, 1.5 % off at 1.00 a piece: outside the shipped 1 % row, inside a 2 % row. */
    private static AdjustmentToleranceFact aItemOnePointFivePercentOff() {
        return AdjustmentToleranceFact.of(new BigDecimal("1000"), new BigDecimal("985"), BigDecimal.ONE, "A", false,
                VarianceSource.MANUAL, false);
    }

    @Test
    void everyRoleReadsTheSixSeededRuleSets() {
        ResponseEntity<JsonNode> list = get("audrey", BASE);
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody().get("items")).extracting(n -> n.get("key").asText()).containsExactly(
                "adjustment-tolerance", "cycle-count-policy", "receiving-inspection", "receipt-tolerance",
                "quality-disposition", "eco-routing");
        assertThat(list.getBody().get("items")).allSatisfy(n -> assertThat(n.get("publishedVersion").asInt())
                .isPositive());
        assertThat(get("olga", BASE).getStatusCode().value()).isEqualTo(200);
        assertThat(Api.anonymous(port).get().uri(BASE).retrieve().toEntity(JsonNode.class).getStatusCode().value())
                .isEqualTo(401);

        JsonNode v1 = get("olga", BASE + "/adjustment-tolerance/versions/1").getBody();
        assertThat(v1.get("author").asText()).isEqualTo("system");
        assertThat(v1.get("format").asText()).isEqualTo("TABLE");
        assertThat(v1.get("table").get("rows").get(0).get("maxDiffPercent").decimalValue())
                .isEqualByComparingTo("1.0");
        assertThat(v1.get("table").get("singleApproverValueLimit").decimalValue()).isEqualByComparingTo("1000");
        assertThat(v1.get("drl").asText()).contains("rule \"3 class A: within 1.0 % and 100.00\"");
        assertThat(v1.get("rules")).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void aDecisionIsLoggedWithItsVersionAndFiredRules() {
        String subject = "count:" + UUID.randomUUID();
        RuleDecision<?> d = decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, subject, AdjustmentToleranceFact.of(
                new BigDecimal("10"), new BigDecimal("10"), BigDecimal.ONE, "B", false, VarianceSource.CYCLE_COUNT,
                false));
        assertThat(d.outcome()).isEqualTo("NO_VARIANCE");
        assertThat(d.decisionId()).isNotNull();
        Map<String, Object> row = jdbc.sql("SELECT rule_set, version, outcome, facts->>'abcClass' AS abc, "
                        + "fired_rules::text AS fired, decided_at FROM decision_log WHERE subject = ?")
                .param(subject).query().singleRow();
        assertThat(row).containsEntry("rule_set", "adjustment-tolerance").containsEntry("outcome", "NO_VARIANCE")
                .containsEntry("abc", "B").containsEntry("version", d.version());
        assertThat((String) row.get("fired")).isEqualTo("[\"1 no variance\"]");
        assertThat(row.get("decided_at")).isNotNull();
    }

    @Test
    void aDraftDecidesNothingUntilASecondAdminPublishesItAndRollbackRestoresTheOldVersion() {
        int before = decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, aItemOnePointFivePercentOff()).version();
        assertThat(decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, aItemOnePointFivePercentOff()).decision())
                .extracting("outcome").isEqualTo(AdjustmentOutcome.APPROVE);

        ResponseEntity<JsonNode> created = post("ada", BASE + "/adjustment-tolerance/versions",
                Map.of("format", "TABLE", "comment", "A items: 2 %", "table", adjustmentTable(2.0, 1000.00)));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode draft = created.getBody();
        int v = draft.get("version").asInt();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("author").asText()).isEqualTo("ada");
        assertThat(draft.get("comment").asText()).isEqualTo("A items: 2 %");
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo(BASE + "/adjustment-tolerance/versions/" + v);
        assertThat(draft.get("diffAgainst").asInt()).isEqualTo(v - 1);
        assertThat(draft.get("diff").toString()).contains("{\"op\":\"+\",\"text\":\"rule \\\"3 class A: within 2.0 %");

        // a DRAFT decides nothing
        assertThat(decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, aItemOnePointFivePercentOff()).version())
                .isEqualTo(before);

        // four-eyes: not the author, not a non-admin
        ResponseEntity<JsonNode> own = post("ada", BASE + "/adjustment-tolerance/versions/" + v + "/publish", Map.of());
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(own.getBody().get("type").asText()).endsWith("/forbidden");
        assertThat(post("ivan", BASE + "/adjustment-tolerance/versions/" + v + "/publish", Map.of())
                .getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> published = post("alan", BASE + "/adjustment-tolerance/versions/" + v + "/publish",
                Map.of());
        assertThat(published.getStatusCode().value()).isEqualTo(200);
        assertThat(published.getBody().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.getBody().get("publishedBy").asText()).isEqualTo("alan");
        assertThat(get("audrey", BASE + "/adjustment-tolerance/versions/" + before).getBody().get("status").asText())
                .isEqualTo("RETIRED");
        assertThat(onePublished()).isTrue();

        // swapped on this node at once
        RuleDecision<?> now = decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, aItemOnePointFivePercentOff());
        assertThat(now.version()).isEqualTo(v);
        assertThat(now.outcome()).isEqualTo("AUTO_APPROVE");
        assertThat(now.firedRules()).containsExactly("3 class A: within 2.0 % and 100.0");

        // publishing the published version again is a conflict
        assertThat(post("alan", BASE + "/adjustment-tolerance/versions/" + v + "/publish", Map.of())
                .getStatusCode().value()).isEqualTo(409);

        // rollback = publish the earlier version again
        ResponseEntity<JsonNode> rollback = post("ada", BASE + "/adjustment-tolerance/versions/" + before
                + "/publish", Map.of());
        assertThat(rollback.getStatusCode().value()).isEqualTo(200);
        assertThat(decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, aItemOnePointFivePercentOff()).version())
                .isEqualTo(before);
        assertThat(get("ada", BASE + "/adjustment-tolerance").getBody().get("publishedVersion").asInt())
                .isEqualTo(before);
        assertThat(onePublished()).isTrue();
    }

    @Test
    void aRetriedSaveOrPublishWithItsKeyAnswersAsTheFirstAndDoesItOnce() {
        int before = decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, aItemOnePointFivePercentOff()).version();
        int versionsBefore = get("ada", BASE + "/adjustment-tolerance/versions").getBody().get("items").size();
        Map<String, Object> body = Map.of("format", "TABLE", "comment", "A items: 2 % (retried)", "table",
                adjustmentTable(2.0, 1000.00));
        String saveKey = "save-" + UUID.randomUUID();
        ResponseEntity<JsonNode> saved = post("ada", BASE + "/adjustment-tolerance/versions", body, saveKey);
        assertThat(saved.getStatusCode().value()).isEqualTo(201);
        int v = saved.getBody().get("version").asInt();
        ResponseEntity<JsonNode> savedAgain = post("ada", BASE + "/adjustment-tolerance/versions", body, saveKey);
        assertThat(savedAgain.getStatusCode().value()).isEqualTo(201);
        assertThat(savedAgain.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(savedAgain.getBody().get("version").asInt()).isEqualTo(v);
        assertThat(savedAgain.getHeaders().getLocation()).isEqualTo(saved.getHeaders().getLocation());
        assertThat(get("ada", BASE + "/adjustment-tolerance/versions").getBody().get("items"))
                .as("one draft, not two").hasSize(versionsBefore + 1);

        String publishKey = "publish-" + UUID.randomUUID();
        String publish = BASE + "/adjustment-tolerance/versions/" + v + "/publish";
        ResponseEntity<JsonNode> published = post("alan", publish, null, publishKey);
        assertThat(published.getStatusCode().value()).isEqualTo(200);
        // this node decides with it as soon as the call has answered (swapped after the commit)
        assertThat(decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, aItemOnePointFivePercentOff()).version())
                .isEqualTo(v);
        ResponseEntity<JsonNode> retried = post("alan", publish, null, publishKey);
        assertThat(retried.getStatusCode().value()).as("not 409 'published already'").isEqualTo(200);
        assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.getBody().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(post("alan", publish, null, "other-" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(409);

        // a publish refused (four-eyes) under a key leaves the key free and the published version as it was
        String refusedKey = "refused-" + UUID.randomUUID();
        assertThat(post("ada", publish, null, refusedKey).getStatusCode().value()).isEqualTo(403);
        assertThat(post("ada", BASE + "/adjustment-tolerance/versions/" + before + "/publish", null, refusedKey)
                .getStatusCode().value()).as("the rollback, under the key a refusal left free").isEqualTo(200);
        assertThat(decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, aItemOnePointFivePercentOff()).version())
                .isEqualTo(before);
        assertThat(onePublished()).isTrue();
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body, String key) {
        var request = Api.as(port, user).post().uri(path).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON);
        return (body == null ? request : request.body(body)).retrieve().toEntity(JsonNode.class);
    }

    private boolean onePublished() {
        return jdbc.sql("SELECT count(*) FROM rule_set_version WHERE status = 'PUBLISHED' GROUP BY rule_set "
                + "HAVING count(*) <> 1").query().listOfRows().isEmpty();
    }

    @Test
    void theDatabaseRefusesASecondPublishedVersion() {
        Integer published = jdbc.sql("SELECT version FROM rule_set_version WHERE rule_set = 'eco-routing' "
                + "AND status = 'PUBLISHED'").query(Integer.class).single();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO rule_set_version (rule_set, version, status, format, drl, author, created_at)
                        VALUES ('eco-routing', 9999, 'PUBLISHED', 'DRL', 'x', 'test', now())""").update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(published).isPositive();
    }

    @Test
    void invalidCellsAreRefusedNamingRowAndField() {
        Map<String, Object> table = new java.util.HashMap<>(adjustmentTable(-1.0, 1000.00));
        ResponseEntity<JsonNode> negative = post("ada", BASE + "/adjustment-tolerance/versions",
                Map.of("format", "TABLE", "table", table));
        assertThat(negative.getStatusCode().value()).isEqualTo(422);
        assertThat(negative.getBody().get("type").asText()).endsWith("/validation");
        JsonNode error = negative.getBody().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("rows[0].maxDiffPercent");
        assertThat(error.get("row").asInt()).isEqualTo(0);
        assertThat(error.get("column").asText()).isEqualTo("maxDiffPercent");

        ResponseEntity<JsonNode> text = post("ada", BASE + "/adjustment-tolerance/versions", Map.of("format", "TABLE",
                "table", Map.of("rows", List.of(Map.of("abcClass", "A", "maxDiffPercent", "lots",
                        "maxDiffValue", 1)), "singleApproverValueLimit", 1)));
        assertThat(text.getStatusCode().value()).isEqualTo(422);
        assertThat(text.getBody().get("errors").get(0).get("field").asText()).isEqualTo("rows[0].maxDiffPercent");

        ResponseEntity<JsonNode> missingRow = post("ada", BASE + "/adjustment-tolerance/versions",
                Map.of("format", "TABLE", "table", Map.of("rows", List.of(Map.of("abcClass", "A",
                        "maxDiffPercent", 1, "maxDiffValue", 1)), "singleApproverValueLimit", 1)));
        assertThat(missingRow.getStatusCode().value()).isEqualTo(422);
        assertThat(missingRow.getBody().get("errors").toString()).contains("no row for class B");

        ResponseEntity<JsonNode> role = post("ada", BASE + "/receipt-tolerance/versions", Map.of("format", "TABLE",
                "table", Map.of("overReceiptTolerancePct", 5, "approverRoles", List.of("BUYER"))));
        assertThat(role.getStatusCode().value()).isEqualTo(422);
        assertThat(role.getBody().get("errors").get(0).get("message").asText()).contains("unknown approver role");

        assertThat(post("ada", BASE + "/adjustment-tolerance/versions", Map.of("format", "XLS"))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(post("ada", BASE + "/no-such-rules/versions", Map.of("format", "TABLE", "table", Map.of()))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(get("ada", BASE + "/adjustment-tolerance/versions/99999").getStatusCode().value()).isEqualTo(404);
        assertThat(post("olga", BASE + "/adjustment-tolerance/versions",
                Map.of("format", "TABLE", "table", adjustmentTable(2.0, 1000.0))).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void unsafeOrBrokenDrlIsRefusedWithLineAndColumn() {
        String drl = get("ada", BASE + "/adjustment-tolerance/versions/1").getBody().get("drl").asText();
        String evil = drl.replace("insert(AdjustmentToleranceDecision.of(AdjustmentOutcome.NO_VARIANCE));",
                "System.exit(0);");
        ResponseEntity<JsonNode> refused = post("ada", BASE + "/adjustment-tolerance/versions",
                Map.of("format", "DRL", "comment", "evil", "drl", evil));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("type").asText()).endsWith("/rule-compilation");
        JsonNode error = refused.getBody().get("errors").get(0);
        int expectedLine = evil.substring(0, evil.indexOf("System.exit")).split("\n", -1).length;
        assertThat(error.get("line").asInt()).isEqualTo(expectedLine);
        assertThat(error.get("column").asInt()).isPositive();

        // a declared window's patterns and a rule's annotations are code the action check never walked
        String window = drl + """

                declare window Hidden
                    AdjustmentToleranceFact( new java.io.File("/tmp/x").exists() ) over window:length( 1 )
                end
                """;
        String annotated = drl.replaceFirst("(?m)^rule (\"[^\"]+\")", "rule $1 @Watch(java.lang.System.exit(0))");
        assertThat(annotated).isNotEqualTo(drl);
        for (String hidden : List.of(window, annotated)) {
            ResponseEntity<JsonNode> r = post("ada", BASE + "/adjustment-tolerance/versions",
                    Map.of("format", "DRL", "comment", "hidden", "drl", hidden));
            assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
            assertThat(r.getBody().get("type").asText()).endsWith("/rule-compilation");
        }

        String broken = drl.replace("diffQty.signum() == 0", "diffQty.signum() ==");
        ResponseEntity<JsonNode> syntax = post("ada", BASE + "/adjustment-tolerance/versions",
                Map.of("format", "DRL", "drl", broken));
        assertThat(syntax.getStatusCode().value()).isEqualTo(422);
        assertThat(syntax.getBody().get("errors").get(0).get("line").asInt()).isPositive();

        String unknownField = drl.replace("diffQty.signum() == 0", "noSuchField == 0");
        ResponseEntity<JsonNode> semantic = post("ada", BASE + "/adjustment-tolerance/versions",
                Map.of("format", "DRL", "drl", unknownField));
        assertThat(semantic.getStatusCode().value()).isEqualTo(422);
        assertThat(semantic.getBody().get("errors").get(0).get("line").asInt()).isPositive();

        ResponseEntity<JsonNode> ok = post("ada", BASE + "/adjustment-tolerance/versions",
                Map.of("format", "DRL", "comment", "same rules, written by hand", "drl", drl));
        assertThat(ok.getStatusCode().value()).isEqualTo(201);
        assertThat(ok.getBody().get("format").asText()).isEqualTo("DRL");
    }

    @Test
    void aUnicodeEscapeCannotHideAnActionAndOnlyAdminsRunADrlDraft() {
        String drl = get("ada", BASE + "/adjustment-tolerance/versions/1").getBody().get("drl").asText();
        String insert = "insert(AdjustmentToleranceDecision.of(AdjustmentOutcome.NO_VARIANCE));";
        // the Java compiler reads the escape as a line break: the "comment" would be a call the check never saw
        String hidden = drl.replace(insert, "// \\u000a System.exit(0);\n        " + insert);
        ResponseEntity<JsonNode> refused = post("ada", BASE + "/adjustment-tolerance/versions",
                Map.of("format", "DRL", "comment", "hidden", "drl", hidden));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("type").asText()).endsWith("/rule-compilation");
        JsonNode error = refused.getBody().get("errors").get(0);
        assertThat(error.get("message").asText()).contains("unicode escape");
        assertThat(error.get("line").asInt())
                .isEqualTo(hidden.substring(0, hidden.indexOf("\\u000a")).split("\n", -1).length);

        int v = post("ada", BASE + "/adjustment-tolerance/versions", Map.of("format", "DRL", "comment", "by hand",
                "drl", drl)).getBody().get("version").asInt();
        String simulate = BASE + "/adjustment-tolerance/versions/" + v + "/simulate";
        assertThat(post("olga", simulate, Map.of("lastDecisions", 1)).getStatusCode().value()).isEqualTo(403);
        assertThat(post("audrey", simulate, Map.of("lastDecisions", 1)).getStatusCode().value()).isEqualTo(403);
        assertThat(post("alan", simulate, Map.of("lastDecisions", 1)).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aVersionThatFailsOnRecentFactsIsNotPublished() {
        for (int i = 0; i < 2; i++) {
            decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, "fails:" + i, aItemOnePointFivePercentOff());
        }
        int before = decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, aItemOnePointFivePercentOff()).version();
        String drl = get("ada", BASE + "/adjustment-tolerance/versions/1").getBody().get("drl").asText();
        String failing = drl + """

                rule "divides by zero"
                when
                    AdjustmentToleranceFact()
                then
                    Math.floorDiv(1, 0);
                end
                """;
        ResponseEntity<JsonNode> created = post("ada", BASE + "/adjustment-tolerance/versions",
                Map.of("format", "DRL", "comment", "fails at run time", "drl", failing));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        int v = created.getBody().get("version").asInt();

        ResponseEntity<JsonNode> publish = post("alan", BASE + "/adjustment-tolerance/versions/" + v + "/publish",
                Map.of());
        assertThat(publish.getStatusCode().value()).isEqualTo(409);
        assertThat(publish.getBody().get("type").asText()).endsWith("/conflict");
        assertThat(publish.getBody().get("detail").asText()).contains("fails on").contains("not published");
        assertThat(get("ada", BASE + "/adjustment-tolerance/versions/" + v).getBody().get("status").asText())
                .isEqualTo("DRAFT");
        assertThat(decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, aItemOnePointFivePercentOff()).version())
                .isEqualTo(before);
    }

    @Test
    void aDraftIsSimulatedAgainstRecentDecisionsAndUploadedFacts() {
        for (int i = 0; i < 3; i++) {
            decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, "sim:" + i, aItemOnePointFivePercentOff());
        }
        int v = post("ada", BASE + "/adjustment-tolerance/versions", Map.of("format", "TABLE", "comment", "sim",
                "table", adjustmentTable(2.0, 1000.00))).getBody().get("version").asInt();

        ResponseEntity<JsonNode> sim = post("audrey", BASE + "/adjustment-tolerance/versions/" + v + "/simulate",
                Map.of("lastDecisions", 3));
        assertThat(sim.getStatusCode().value()).isEqualTo(200);
        assertThat(sim.getBody().get("cases").asInt()).isEqualTo(3);
        assertThat(sim.getBody().get("changed").asInt()).isEqualTo(3);
        assertThat(sim.getBody().get("byOutcome").get("AUTO_APPROVE").get("candidate").asInt()).isEqualTo(3);
        assertThat(sim.getBody().get("byOutcome").get("APPROVE INVENTORY_CONTROLLER").get("published").asInt())
                .isEqualTo(3);
        JsonNode example = sim.getBody().get("examples").get(0);
        assertThat(example.get("subject").asText()).startsWith("sim:");
        assertThat(example.get("publishedOutcome").asText()).isEqualTo("APPROVE INVENTORY_CONTROLLER");
        assertThat(example.get("candidateOutcome").asText()).isEqualTo("AUTO_APPROVE");
        // the last decisions' facts are counts' system and counted quantities: a counter (blind) does not replay them
        ResponseEntity<JsonNode> counter = post("olga", BASE + "/adjustment-tolerance/versions/" + v + "/simulate",
                Map.of("lastDecisions", 3));
        assertThat(counter.getStatusCode().value()).isEqualTo(403);
        assertThat(counter.getBody().toString()).doesNotContain("systemQty");

        String csv = """
                systemQty,countedQty,diffQty,diffValue,diffPct,abcClass,regulated,source,recountDone
                1000,985,-15,15,1.5,A,false,MANUAL,false
                1000,1000,0,0,0,A,false,CYCLE_COUNT,false
                """;
        ResponseEntity<JsonNode> ownFacts = Api.as(port, "olga").post()
                .uri(BASE + "/adjustment-tolerance/versions/" + v + "/simulate")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv).retrieve().toEntity(JsonNode.class);
        assertThat(ownFacts.getStatusCode().value()).as("facts of one's own").isEqualTo(200);
        ResponseEntity<JsonNode> uploaded = Api.as(port, "ada").post()
                .uri(BASE + "/adjustment-tolerance/versions/" + v + "/simulate")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv).retrieve().toEntity(JsonNode.class);
        assertThat(uploaded.getStatusCode().value()).isEqualTo(200);
        assertThat(uploaded.getBody().get("cases").asInt()).isEqualTo(2);
        assertThat(uploaded.getBody().get("changed").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> badCsv = Api.as(port, "ada").post()
                .uri(BASE + "/adjustment-tolerance/versions/" + v + "/simulate")
                .contentType(MediaType.parseMediaType("text/csv")).body("shoeSize\n42\n").retrieve()
                .toEntity(JsonNode.class);
        assertThat(badCsv.getStatusCode().value()).isEqualTo(400);
        assertThat(badCsv.getBody().get("detail").asText()).contains("shoeSize");
        assertThat(post("ada", BASE + "/adjustment-tolerance/versions/" + v + "/simulate", Map.of())
                .getStatusCode().value()).isEqualTo(400);

        ResponseEntity<JsonNode> notANumber = Api.as(port, "ada").post()
                .uri(BASE + "/adjustment-tolerance/versions/" + v + "/simulate")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body("systemQty,countedQty,diffQty,diffValue,diffPct,abcClass,regulated,source,recountDone\n"
                        + "1000,985,-15,lots,1.5,A,false,MANUAL,false\n")
                .retrieve().toEntity(JsonNode.class);
        assertThat(notANumber.getStatusCode().value()).isEqualTo(400);
        assertThat(notANumber.getBody().get("detail").asText()).contains("CSV line 2");

        ResponseEntity<JsonNode> quality = Api.as(port, "ada").post()
                .uri(BASE + "/quality-disposition/versions/1/simulate")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body("disposition,value,regulated\nSCRAP,,false\nUSE_AS_IS,1,false\n")
                .retrieve().toEntity(JsonNode.class);
        assertThat(quality.getStatusCode().value()).isIn(200, 400);
    }

    @Test
    void theOpenApiDescriptionDocumentsEveryTableWithACompilingDrlExample() {
        ResponseEntity<String> docs = Api.as(port, "ada").get().uri("/v3/api-docs").retrieve()
                .toEntity(String.class);
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody()).contains("## adjustment-tolerance", "## eco-routing", "singleApproverValueLimit",
                "EcoRoutingFact", "rule \\\"1 always: ENGINEER + PLANNER\\\"");
    }

}
