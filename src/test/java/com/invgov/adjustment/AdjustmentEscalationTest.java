package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.adjustment.ui.ApprovalsView;
import com.invgov.support.Api;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.invgov.support.MovableClock;
import com.invgov.workflow.WorkTasks;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 24 h escalation of an approval (issue 5 point 4): it notifies integrations through the change feed and flags
 * the adjustment for the dashboard only while that role's task waits; the next role's task has its own 24 hours.
 * The clock is moved a day on, as if nobody had looked at the task.
 */
@IntegrationTest
class AdjustmentEscalationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MovableClock clock;
    @Autowired
    WorkTasks tasks;
    @Autowired
    AdjustmentFigures figures;

    private final Instant countTime = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @AfterEach
    void tearDown() {
        clock.reset();
        ConsoleSession.close();
    }

    @Test
    void anOverdueControllerIsAnnouncedInTheFeedAndFinanceStartsUnflaggedWithItsOwnDay() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String id = countedAndRecounted(f, "2180"); // -120 × 10.40 = 1248.00: the controller, then finance
        RestClient mes = Api.as(port, "mes");
        String cursor = Api.endOfEvents(mes);
        int overdueBefore = overdueApprovals();
        JsonNode controllerTask = f.taskOf("ivan", id);

        Instant nextDay = Instant.now().plus(Duration.ofHours(25));
        clock.moveTo(nextDay);
        assertThat(tasks.runTimersNow(id)).as("the controller's 24 h timer").isEqualTo(1);

        assertThat(f.adjustment(id).get("escalated").asBoolean()).isTrue();
        assertThat(overdueApprovals()).isEqualTo(overdueBefore + 1);
        List<JsonNode> events = eventsOf(mes, cursor, id);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("AdjustmentEscalated");
        JsonNode escalation = events.get(0).get("payload");
        assertThat(escalation.get("adjustmentId").asText()).isEqualTo(id);
        assertThat(escalation.get("role").asText()).isEqualTo("INVENTORY_CONTROLLER");
        assertThat(escalation.get("taskId").asText()).isEqualTo(controllerTask.get("id").asText());
        assertThat(Instant.parse(escalation.get("overdueSince").asText()))
                .as("overdue since the task fell due").isEqualTo(Instant.parse(controllerTask.get("due").asText()));
        assertThat(Instant.parse(escalation.get("escalatedAt").asText())).isBetween(nextDay, nextDay.plusSeconds(60));
        assertThat(escalation.get("value").decimalValue()).isEqualByComparingTo("1248.00");

        // the controller approves a day late: finance's fresh task is not overdue and has a day of its own
        f.approve("ivan", id);
        JsonNode financeTask = f.taskOf("fiona", id);
        assertThat(f.adjustment(id).get("escalated").asBoolean()).isFalse();
        assertThat(overdueApprovals()).isEqualTo(overdueBefore);
        assertThat(Instant.parse(financeTask.get("due").asText())).isAfter(nextDay.plus(Duration.ofHours(23)));
        ConsoleSession.signIn(context, "fiona", "FINANCE");
        assertThat(inboxRow(id).why()).doesNotContain("OVERDUE");
        ConsoleSession.close();

        assertThat(tasks.runTimersNow(id)).as("finance's own 24 h timer").isEqualTo(1);
        assertThat(f.adjustment(id).get("escalated").asBoolean()).isTrue();
        assertThat(eventsOf(mes, cursor, id)).filteredOn(e -> e.get("type").asText().equals("AdjustmentEscalated"))
                .extracting(e -> e.at("/payload/role").asText()).containsExactly("INVENTORY_CONTROLLER", "FINANCE");
        ConsoleSession.signIn(context, "fiona", "FINANCE");
        assertThat(inboxRow(id).why()).contains("OVERDUE");
        ConsoleSession.close();

        f.approve("fiona", id);
        JsonNode posted = f.adjustment(id);
        assertThat(posted.get("status").asText()).isEqualTo("POSTED");
        assertThat(posted.get("escalated").asBoolean()).as("nothing waits any more").isFalse();
        assertThat(overdueApprovals()).isEqualTo(overdueBefore);
    }

    @Test
    void aRejectedEscalatedAdjustmentIsNoLongerOverdue() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String id = countedAndRecounted(f, "2260");
        clock.moveTo(Instant.now().plus(Duration.ofHours(25)));
        assertThat(tasks.runTimersNow(id)).isEqualTo(1);
        assertThat(f.adjustment(id).get("escalated").asBoolean()).isTrue();

        ResponseEntity<JsonNode> r = f.complete("ivan", f.taskOf("ivan", id).get("id").asText(), false, "wrong bin");
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(204);

        JsonNode a = f.adjustment(id);
        assertThat(a.get("status").asText()).isEqualTo("REJECTED");
        assertThat(a.get("escalated").asBoolean()).isFalse();
    }

    /** olga counts, omar recounts the same quantity: the adjustment waits for its first approval. */
    private String countedAndRecounted(AdjustmentFixture f, String counted) {
        ResponseEntity<JsonNode> first = f.count("olga", counted, "EA", countTime, null);
        assertThat(first.getBody().at("/decision/outcome").asText()).isEqualTo("RECOUNT");
        ResponseEntity<JsonNode> recount = f.count("omar", counted, "EA", countTime,
                first.getBody().get("id").asText());
        assertThat(recount.getBody().at("/decision/outcome").asText()).isEqualTo("APPROVE");
        return first.getBody().get("adjustmentId").asText();
    }


    /** The dashboard's Overdue approvals figure, as a controller reads it. */
    private int overdueApprovals() {
        ConsoleSession.signIn(context, "iris", "INVENTORY_CONTROLLER");
        try {
            return figures.escalated().adjustments();
        } finally {
            ConsoleSession.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static ApprovalsView.Row inboxRow(String adjustmentId) {
        UI.getCurrent().navigate(ApprovalsView.class);
        Grid<ApprovalsView.Row> inbox = _get(Grid.class, s -> s.withId("approvals-grid"));
        return _fetch(inbox, 0, 1000).stream().filter(r -> adjustmentId.equals(r.adjustment().id())).findFirst()
                .orElseThrow();
    }


    /** The feed's events about this adjustment after the cursor, oldest first. */
    private static List<JsonNode> eventsOf(RestClient client, String cursor, String adjustmentId) {
        List<JsonNode> found = new ArrayList<>();
        String after = cursor;
        for (int page = 0; page < 1000; page++) {
            JsonNode body = client.get().uri("/api/v1/events?limit=1000&after=" + after).retrieve()
                    .body(JsonNode.class);
            body.get("items").forEach(e -> {
                if (e.get("subjectType").asText().equals("adjustment")
                        && e.get("subjectId").asText().equals(adjustmentId)) {
                    found.add(e);
                }
            });
            if (body.get("items").isEmpty()) {
                break;
            }
            after = body.get("next").asText();
        }
        return found;
    }
}
