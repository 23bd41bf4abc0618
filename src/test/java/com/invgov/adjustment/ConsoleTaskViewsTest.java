package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.invgov.adjustment.ui.ApprovalsView;
import com.invgov.counting.ui.MyTasksView;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.invgov.workflow.TaskItem;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
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
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** My tasks (blind recount) and the Approvals inbox, in a browserless Vaadin session. */
@IntegrationTest
class ConsoleTaskViewsTest {


    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        ConsoleSession.close();
    }

    @Test
    void anOperatorRecountsBlindAndAControllerApprovesFromTheInbox() {
        AdjustmentFixture f = AdjustmentFixture.item(port, "A", "10.40", false, 2300);
        ResponseEntity<JsonNode> first = f.count("olga", "2260", "EA",
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), null);
        String id = first.getBody().get("adjustmentId").asText();

        signIn("omar", "OPERATOR");
        UI.getCurrent().navigate(MyTasksView.class);
        _get(MyTasksView.class);
        @SuppressWarnings("unchecked")
        Grid<TaskItem> grid = _get(Grid.class, spec -> spec.withId("my-tasks-grid"));
        TaskItem recount = _fetch(grid, 0, 1000).stream().filter(t -> id.equals(t.businessKey())).findFirst()
                .orElseThrow();
        grid.select(recount);
        assertThat(span("my-tasks-place").getText()).contains(f.sku).contains(f.location).doesNotContain("2300");
        @SuppressWarnings("unchecked")
        ComboBox<String> uom = _get(ComboBox.class, spec -> spec.withId("my-tasks-uom"));
        assertThat(uom.getValue()).isEqualTo("EA");
        _get(BigDecimalField.class, spec -> spec.withId("my-tasks-quantity")).setValue(new BigDecimal("22.6"));
        uom.setValue("BOX");
        _get(Button.class, spec -> spec.withId("my-tasks-submit")).click();
        assertThat(span("my-tasks-result").getText()).isEqualTo("Count taken");
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("PENDING_APPROVAL");
        MockVaadin.tearDown();

        signIn("ivan", "INVENTORY_CONTROLLER");
        UI.getCurrent().navigate(ApprovalsView.class);
        _get(ApprovalsView.class);
        @SuppressWarnings("unchecked")
        Grid<ApprovalsView.Row> inbox = _get(Grid.class, spec -> spec.withId("approvals-grid"));
        List<ApprovalsView.Row> rows = _fetch(inbox, 0, 1000);
        ApprovalsView.Row row = rows.stream().filter(r -> id.equals(r.adjustment().id())).findFirst().orElseThrow();
        assertThat(row.delta()).isEqualTo("-40");
        assertThat(row.value()).isEqualTo("416.00");
        inbox.select(row);
        _get(Button.class, spec -> spec.withId("approvals-reject")).click();
        assertThat(span("approvals-result").getText()).contains("refused").contains("comment");
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("PENDING_APPROVAL");

        inbox.select(_fetch(inbox, 0, 1000).stream().filter(r -> id.equals(r.adjustment().id()))
                .findFirst().orElseThrow());
        _get(Button.class, spec -> spec.withId("approvals-approve")).click();
        assertThat(span("approvals-result").getText()).startsWith("Approved 1");
        assertThat(f.adjustment(id).get("status").asText()).isEqualTo("POSTED");
        assertThat(_fetch(inbox, 0, 1000)).noneMatch(r -> id.equals(r.adjustment().id()));
    }

    private static Span span(String id) {
        return _get(Span.class, spec -> spec.withId(id));
    }

    void signIn(String username, String... roles) {
        ConsoleSession.signIn(context, username, roles);
    }
}
