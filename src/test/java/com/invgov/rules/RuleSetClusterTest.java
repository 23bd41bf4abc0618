package com.invgov.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.InvgovApplication;
import com.invgov.rules.model.EcoRoutingFact;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import com.invgov.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database (DESIGN §2 "scale out = more nodes"): a version published on node A decides on
 * node B within seconds, and so does the rollback. Node A is the shared test context; node B is a second
 * application context started here on the same database.
 */
@IntegrationTest
class RuleSetClusterTest {

    private static final String BASE = "/api/v1/rulesets/eco-routing";

    @LocalServerPort
    int port;
    @Autowired
    RuleDecisions nodeA;

    @Test
    void aVersionPublishedOnNodeADecidesOnNodeBWithinSeconds() {
        TestDatabase.Connection db = TestDatabase.connection();
        // Spring Security's context holder is JVM-wide; Vaadin's security set-up on node B replaces it, which two
        // nodes in two JVMs never see. Give node A its own back once B is up, and keep it afterwards.
        SecurityContextHolderStrategy nodeAStrategy = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(InvgovApplication.class).run(
                TestDatabase.nodeArguments(db, "nodeB"))) {
            SecurityContextHolder.setContextHolderStrategy(nodeAStrategy);
            RuleDecisions decisionsOnB = nodeB.getBean(RuleDecisions.class);
            EcoRoutingFact bigWriteOff = new EcoRoutingFact(false, new BigDecimal("1000.00"));
            int before = decisionsOnB.decide(RuleSet.ECO_ROUTING, bigWriteOff).version();
            assertThat(decisionsOnB.decide(RuleSet.ECO_ROUTING, bigWriteOff).decision().approverRoles())
                    .containsExactly("ENGINEER", "PLANNER");

            // on node A: finance joins above 500.00 of write-off
            JsonNode draft = Api.as(port, "ada").post().uri(BASE + "/versions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("format", "TABLE", "comment", "finance from 500", "table", Map.of(
                            "alwaysRoles", List.of("ENGINEER", "PLANNER"), "regulatedRole", "QUALITY",
                            "writeOffValueLimit", 500.00, "writeOffRole", "FINANCE")))
                    .retrieve().toEntity(JsonNode.class).getBody();
            assertThat(draft.has("version")).as("created: %s", draft).isTrue();
            int v = draft.get("version").asInt();
            long published = System.nanoTime();
            assertThat(Api.as(port, "alan").post().uri(BASE + "/versions/" + v + "/publish").retrieve()
                    .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
            assertThat(nodeA.decide(RuleSet.ECO_ROUTING, bigWriteOff).version()).isEqualTo(v);

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> decisionsOnB.decide(RuleSet.ECO_ROUTING, bigWriteOff).version() == v);
            Duration lag = Duration.ofNanos(System.nanoTime() - published);
            assertThat(lag).isLessThan(Duration.ofSeconds(10));
            assertThat(decisionsOnB.decide(RuleSet.ECO_ROUTING, bigWriteOff).decision().approverRoles())
                    .containsExactly("ENGINEER", "PLANNER", "FINANCE");

            // rollback on node A reaches node B the same way
            assertThat(Api.as(port, "ada").post().uri(BASE + "/versions/" + before + "/publish").retrieve()
                    .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> decisionsOnB.decide(RuleSet.ECO_ROUTING, bigWriteOff).version() == before);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(nodeAStrategy);
        }
    }
}
