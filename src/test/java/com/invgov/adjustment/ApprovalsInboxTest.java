package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.invgov.adjustment.ui.ApprovalsView;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The Approvals inbox: count history per adjustment, filters, and bulk approval of exactly the filtered checks. */
@IntegrationTest
class ApprovalsInboxTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private final Instant countTime = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @AfterEach
    void tearDown() {
        ConsoleSession.close();
    }

    @Test
    void theSelectedAdjustmentShowsItsVarianceRulesAndTheCountHistoryOfThePair() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        assertThat(f.count("pavel", "2300", "EA", countTime.minus(2, ChronoUnit.HOURS), null).getBody()
                .at("/decision/outcome").asText()).isEqualTo("NO_VARIANCE");
        String id = countAndRecount(f, "2260");

        ConsoleSession.signIn(context, "ivan", "INVENTORY_CONTROLLER");
        Grid<ApprovalsView.Row> inbox = inbox();
        inbox.select(row(inbox, id));

        assertThat(_get(H3.class, s -> s.withText(f.sku + " at " + f.location))).isNotNull();
        assertThat(span("approvals-detail-variance").getText()).contains("Δ -40").contains("value 416.00")
                .contains("system 2300, counted 2260 (1.74 %)").contains("by omar");
        assertThat(span("approvals-detail-decision").getText()).contains("APPROVE by INVENTORY_CONTROLLER")
                .contains("adjustment-tolerance v");
        assertThat(_find(ListItem.class)).extracting(ListItem::getText)
                .anyMatch(r -> r.contains("inventory controller approves"));

        @SuppressWarnings("unchecked")
        Grid<CountRecord> history = _get(Grid.class, s -> s.withId("approvals-history"));
        List<CountRecord> counts = _fetch(history, 0, 100);
        assertThat(counts).extracting(CountRecord::countedBy).containsExactly("omar", "olga", "pavel");
        assertThat(counts.get(0).recount()).isTrue();
        assertThat(counts.get(1).recount()).isFalse();
        assertThat(counts.get(1).outcome()).isEqualTo("RECOUNT");
        assertThat(counts.get(2).withinTolerance()).isTrue();
        assertThat(_getFormattedRow(history, 0)).contains("2260", "2300", "-40", "no", "recount: APPROVE → PENDING_APPROVAL");
        assertThat(_getFormattedRow(history, 2)).contains("yes", "NO_VARIANCE");
    }

    @Test
    void anAdjustmentOfASerialItemShowsTheSerialNumbersMissingAndFound() {
        SerialFixture f = SerialFixture.of(port, 20);
        String first = f.count("olga", f.serials.subList(0, 15), null, null).getBody().get("id").asText();
        List<String> recounted = new java.util.ArrayList<>(f.serials.subList(0, 16));
        recounted.add(f.sku + "-N01");
        ResponseEntity<JsonNode> again = f.count("omar", recounted, null, first);
        assertThat(again.getBody().at("/decision/outcome").asText()).isEqualTo("APPROVE");
        String id = again.getBody().get("adjustmentId").asText();

        ConsoleSession.signIn(context, "ivan", "INVENTORY_CONTROLLER");
        Grid<ApprovalsView.Row> inbox = inbox();
        inbox.select(row(inbox, id));

        assertThat(span("approvals-detail-serials").getText()).isEqualTo("Serial numbers missing: "
                + String.join(", ", f.serials.subList(16, 20)) + " · found: " + f.sku + "-N01");
    }

    @Test
    void bulkApprovalTakesOnlyTheCheckedLinesTheFiltersShowAndReportsTheOnesRefused() {
        AdjustmentFixture first = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String counted = countAndRecount(first, "2260");
        AdjustmentFixture other = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        String decidedMeanwhile = countAndRecount(other, "2260");
        AdjustmentFixture manual = AdjustmentFixture.item(port, "C", "10.00", false, 2300);
        String requested = request(manual, "quinn", "-100");
        String ivansOwn = request(AdjustmentFixture.item(port, "C", "10.00", false, 2300), "ivan", "-100");

        ConsoleSession.signIn(context, "ivan", "INVENTORY_CONTROLLER");
        Grid<ApprovalsView.Row> inbox = inbox();
        assertThat(ids(inbox)).contains(counted, decidedMeanwhile, requested)
                .as("what ivan requested himself is not his to approve").doesNotContain(ivansOwn);

        // filters: ABC class, minimum value, place, source
        combo("approvals-filter-abc").setValue("C");
        assertThat(ids(inbox)).contains(requested).doesNotContain(counted, decidedMeanwhile);
        combo("approvals-filter-abc").setValue(null);
        _get(BigDecimalField.class, s -> s.withId("approvals-filter-min-value")).setValue(new BigDecimal("500"));
        assertThat(ids(inbox)).contains(requested).doesNotContain(counted, decidedMeanwhile);
        _get(BigDecimalField.class, s -> s.withId("approvals-filter-min-value")).setValue(null);
        _get(TextField.class, s -> s.withId("approvals-filter-place")).setValue(first.location.toLowerCase());
        assertThat(ids(inbox)).containsExactly(counted);
        _get(TextField.class, s -> s.withId("approvals-filter-place")).setValue("P1-WH1");
        assertThat(ids(inbox)).contains(counted, decidedMeanwhile, requested);

        // check all three, then narrow to counts: the manual request is unchecked with the filter
        inbox.select(row(inbox, counted));
        inbox.select(row(inbox, decidedMeanwhile));
        inbox.select(row(inbox, requested));
        combo("approvals-filter-source").setValue("CYCLE_COUNT");
        assertThat(ids(inbox)).contains(counted, decidedMeanwhile).doesNotContain(requested);
        assertThat(span("approvals-selection").getText()).startsWith("2 checked");

        // iris decides one of them in the meantime
        JsonNode task = other.taskOf("iris", decidedMeanwhile);
        assertThat(other.complete("iris", task.get("id").asText(), true, "seen").getStatusCode().value()).isEqualTo(204);

        _get(Button.class, s -> s.withId("approvals-approve")).click();

        assertThat(span("approvals-result").getText()).startsWith("Approved 1").contains("refused 1")
                .contains(other.sku);
        List<Notification> notes = NotificationsKt.getNotifications();
        assertThat(notes).anySatisfy(n -> assertThat(n.getElement().getProperty("text")).contains("skipped")
                .contains(other.sku));
        assertThat(first.adjustment(counted).get("status").asText()).isEqualTo("POSTED");
        assertThat(first.adjustment(requested).get("status").asText())
                .as("checked, but hidden by the filter: not approved").isEqualTo("PENDING_APPROVAL");
        assertThat(other.adjustment(decidedMeanwhile).get("approvals").get(0).get("by").asText()).isEqualTo("iris");
    }

    private String countAndRecount(AdjustmentFixture f, String quantity) {
        ResponseEntity<JsonNode> first = f.count("olga", quantity, "EA", countTime, null);
        assertThat(first.getBody().at("/decision/outcome").asText()).isEqualTo("RECOUNT");
        ResponseEntity<JsonNode> recount = f.count("omar", quantity, "EA", countTime, first.getBody().get("id").asText());
        assertThat(recount.getBody().at("/decision/outcome").asText()).isEqualTo("APPROVE");
        return first.getBody().get("adjustmentId").asText();
    }

    private String request(AdjustmentFixture f, String user, String delta) {
        ResponseEntity<JsonNode> r = f.post(user, "/api/v1/adjustments", """
                {"location": "%s", "sku": "%s", "lot": null, "quantityDelta": %s, "reasonCode": "DAMAGED",
                 "note": "found broken"}""".formatted(f.location, f.sku, delta));
        assertThat(r.getStatusCode().value()).as("request: %s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        return r.getBody().get("id").asText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<ApprovalsView.Row> inbox() {
        UI.getCurrent().navigate(ApprovalsView.class);
        return _get(Grid.class, s -> s.withId("approvals-grid"));
    }

    private static ApprovalsView.Row row(Grid<ApprovalsView.Row> inbox, String adjustmentId) {
        return _fetch(inbox, 0, 1000).stream().filter(r -> adjustmentId.equals(r.adjustment().id())).findFirst()
                .orElseThrow();
    }

    private static List<String> ids(Grid<ApprovalsView.Row> inbox) {
        return _fetch(inbox, 0, 1000).stream().map(r -> r.adjustment().id()).toList();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(String id) {
        return _get(ComboBox.class, s -> s.withId(id));
    }

    private static Span span(String id) {
        return _get(Span.class, s -> s.withId(id));
    }
}
