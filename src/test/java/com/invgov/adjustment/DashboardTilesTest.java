package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.adjustment.AdjustmentFigures.DayShare;
import com.invgov.console.ui.HomeView;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.invgov.workflow.WorkTasks;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard with the adjustment module's tiles, on real counts and adjustments posted through the API. Other
 * tests post counts into the same database, so every assertion is on the change this test makes.
 */
@IntegrationTest
class DashboardTilesTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AdjustmentFigures figures;
    @Autowired
    WorkTasks tasks;

    private final Instant countTime = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @AfterEach
    void tearDown() {
        ConsoleSession.close();
    }

    @Test
    void eachRoleSeesItsTilesInOrderAndAnOperatorNone() {
        ConsoleSession.signIn(context, "fiona", "FINANCE");
        assertThat(tileIds()).containsSubsequence("tile-inventory-accuracy", "tile-adjustment-value",
                "tile-escalated-approvals");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, s -> s.withId("home-roles")).getText()).contains("FINANCE");
        ConsoleSession.close();

        ConsoleSession.signIn(context, "quinn", "QUALITY");
        assertThat(tileIds()).contains("tile-inventory-accuracy")
                .doesNotContain("tile-adjustment-value", "tile-escalated-approvals");
        ConsoleSession.close();

        ConsoleSession.signIn(context, "olga", "OPERATOR");
        assertThat(tileIds()).doesNotContain("tile-inventory-accuracy", "tile-adjustment-value",
                "tile-escalated-approvals");
    }

    @Test
    void accuracyCountsFirstCountsWithinToleranceAndNotTheRecounts() {
        ConsoleSession.signIn(context, "ivan", "INVENTORY_CONTROLLER");
        LocalDate day = LocalDate.ofInstant(countTime, ZoneOffset.UTC);
        var before = figures.accuracy();
        DayShare dayBefore = day(before.days(), day);

        // within: AUTO_APPROVE and NO_VARIANCE; outside: RECOUNT (its recount is not a first count)
        AdjustmentFixture.item(port, "C", "0.26", false, 2300).count("olga", "2290", "EA", countTime, null);
        AdjustmentFixture.item(port, "C", "0.26", false, 500).count("olga", "500", "EA", countTime, null);
        AdjustmentFixture a = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        ResponseEntity<JsonNode> first = a.count("olga", "2260", "EA", countTime, null);
        assertThat(first.getBody().at("/decision/outcome").asText()).isEqualTo("RECOUNT");
        a.count("omar", "2260", "EA", countTime, first.getBody().get("id").asText());

        var after = figures.accuracy();
        assertThat(after.counts()).isEqualTo(before.counts() + 3);
        assertThat(after.withinTolerance()).isEqualTo(before.withinTolerance() + 2);
        assertThat(after.days()).hasSize(30);
        DayShare dayAfter = day(after.days(), day);
        assertThat(dayAfter.counts()).isEqualTo(dayBefore.counts() + 3);
        assertThat(dayAfter.withinTolerance()).isEqualTo(dayBefore.withinTolerance() + 2);

        Div tile = tile("tile-inventory-accuracy");
        String share = BigDecimal.valueOf(after.withinTolerance() * 100L)
                .divide(BigDecimal.valueOf(after.counts()), 1, RoundingMode.HALF_UP).toPlainString();
        assertThat(part(tile, "tile-headline").getText()).isEqualTo(share + " %");
        assertThat(part(tile, "tile-detail").getText())
                .startsWith(after.withinTolerance() + " of " + after.counts() + " first counts within tolerance");
        assertThat(tile.getChildren().filter(c -> c.getElement().getClassList().contains("tile-sparkline"))
                .findFirst().orElseThrow().getElement().getProperty("innerHTML")).contains("<polyline");
    }

    @Test
    void adjustmentValueAddsPostedGainsAndLossesButNotPendingOnes() {
        ConsoleSession.signIn(context, "fiona", "FINANCE");
        var before = figures.postedValue();

        // -10 EA at 0.26 (loss 2.60) and +10 EA at 1.00 (gain 10.00), both auto-approved and posted
        assertThat(AdjustmentFixture.item(port, "C", "0.26", false, 2300).count("olga", "2290", "EA", countTime, null)
                .getBody().at("/decision/outcome").asText()).isEqualTo("AUTO_APPROVE");
        assertThat(AdjustmentFixture.item(port, "C", "1.00", false, 1000).count("olga", "1010", "EA", countTime, null)
                .getBody().at("/decision/outcome").asText()).isEqualTo("AUTO_APPROVE");
        // waits for a recount: not posted, not counted
        AdjustmentFixture.item(port, "A", "10.40", false, 2300).count("olga", "2260", "EA", countTime, null);

        var after = figures.postedValue();
        assertThat(after.adjustments()).isEqualTo(before.adjustments() + 2);
        assertThat(after.net()).isEqualByComparingTo(before.net().add(new BigDecimal("7.40")));
        assertThat(after.absolute()).isEqualByComparingTo(before.absolute().add(new BigDecimal("12.60")));
        assertThat(after.days()).hasSize(30);
        assertThat(after.days().get(29).net()).isEqualByComparingTo(before.days().get(29).net().add(new BigDecimal("7.40")));

        Div tile = tile("tile-adjustment-value");
        BigDecimal net = after.net().setScale(2, RoundingMode.HALF_UP);
        assertThat(part(tile, "tile-headline").getText())
                .isEqualTo((net.signum() > 0 ? "+" : "") + String.format(Locale.ROOT, "%,.2f", net));
        assertThat(part(tile, "tile-detail").getText()).contains("net of " + after.adjustments() + " posted")
                .contains(String.format(Locale.ROOT, "absolute %,.2f", after.absolute()));
    }

    @Test
    void anApprovalWaitingMoreThanADayIsAnOverdueTaskUntilItIsDecided() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        ResponseEntity<JsonNode> first = f.count("olga", "2260", "EA", countTime, null);
        String id = first.getBody().get("adjustmentId").asText();
        f.count("omar", "2260", "EA", countTime, first.getBody().get("id").asText());
        ConsoleSession.signIn(context, "iris", "INVENTORY_CONTROLLER");
        int before = figures.escalated().adjustments();

        assertThat(tasks.runTimersNow(id)).as("the 24 h escalation timer").isEqualTo(1);

        assertThat(figures.escalated().adjustments()).isEqualTo(before + 1);
        Div tile = tile("tile-escalated-approvals");
        assertThat(part(tile, "tile-headline").getText()).isEqualTo(String.valueOf(before + 1));
        assertThat(tile.getElement().getAttribute("data-tone")).isEqualTo("ALERT");

        JsonNode task = f.taskOf("ivan", id);
        assertThat(f.complete("ivan", task.get("id").asText(), true, "checked").getStatusCode().value()).isEqualTo(204);
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("POSTED");
        assertThat(figures.escalated().adjustments()).isEqualTo(before);
    }

    private List<String> tileIds() {
        UI.getCurrent().navigate(HomeView.class);
        return _find(Div.class).stream().map(d -> d.getId().orElse("")).filter(i -> i.startsWith("tile-")).toList();
    }

    private Div tile(String id) {
        UI.getCurrent().navigate(HomeView.class);
        return _get(Div.class, s -> s.withId(id));
    }

    private static Span part(Component card, String className) {
        return (Span) card.getChildren().filter(c -> c.getElement().getClassList().contains(className)).findFirst()
                .orElseThrow();
    }

    private static DayShare day(List<DayShare> days, LocalDate day) {
        return days.stream().filter(d -> d.day().equals(day)).findFirst().orElseThrow();
    }
}
