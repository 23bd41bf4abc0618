package com.invgov.counting.ui;

import com.invgov.console.TileValue;
import com.invgov.counting.CountPlanFixture;
import com.invgov.counting.CountPlanView;
import com.invgov.counting.CountPlans;
import com.invgov.counting.CountingOverview;
import com.invgov.counting.Counts;
import com.invgov.inventory.StockRefused;
import com.invgov.support.Api;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.invgov.support.MovableClock;
import com.invgov.workflow.TaskItem;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The Counting overview, planned count tasks in My tasks (blind, GS1 scan), and the on-time dashboard tile. */
@IntegrationTest
class CountingConsoleTest {

    static final String SKU = "FAS-00001";
    static final String LOCATION = "P1-WH1-A-03-03";
    static final String OTHER_LOCATION = "P1-WH1-A-03-01";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    MovableClock clock;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    CountPlans plans;
    @Autowired
    Counts counts;
    @Autowired
    CountCompletionTile tile;
    @Autowired
    TaskService taskService;
    @LocalServerPort
    int port;

    LocalDate today;

    @BeforeEach
    void cleanSlate() {
        clock.reset();
        CountPlanFixture.forgetAllPlans(jdbc, runtime);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @AfterEach
    void cleanUp() {
        ConsoleSession.close();
        clock.reset();
        CountPlanFixture.forgetAllPlans(jdbc, runtime);
    }

    @Test
    void theCountingViewShowsThePlanPerWarehouseAndControllersPlanNow() {
        ConsoleSession.signIn(context, "ivan", "INVENTORY_CONTROLLER");
        UI.getCurrent().navigate(CountingView.class);
        Button planNow = _get(Button.class, spec -> spec.withId("counting-plan-now"));
        assertThat(planNow.isVisible()).isTrue();
        planNow.click();

        @SuppressWarnings("unchecked")
        Grid<CountingOverview> overview = _get(Grid.class, spec -> spec.withId("counting-overview"));
        assertThat(_fetch(overview, 0, 100)).extracting(CountingOverview::warehouse)
                .contains("P1-WH1", "P1-WH2", "P2-WH1");
        assertThat(span("counting-summary").getText()).contains("P1-WH1").contains(today.toString())
                .contains("capacity 200");
        ConsoleSession.close();

        ConsoleSession.signIn(context, "audrey", "AUDITOR");
        UI.getCurrent().navigate(CountingView.class);
        _get(CountingView.class);
        assertThat(_find(Button.class, spec -> spec.withId("counting-plan-now")))
                .as("auditors read, they do not plan").isEmpty();
        ConsoleSession.close();

        ConsoleSession.signIn(context, "olga", "OPERATOR");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UI.getCurrent().navigate(CountingView.class))
                .as("operators have My tasks, not Counting")
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }

    @Test
    void theCountingViewShowsThePlanOfADayPickedPerWarehouse() {
        LocalDate tomorrow = today.plusDays(1);
        publisher.publishEvent(new StockRefused("POSTING", SKU, LOCATION, null, BigDecimal.ONE, "test", "olga"));
        signInService("ivan", "INVENTORY_CONTROLLER");
        List<CountPlanView> planned = plans.planNow(tomorrow);
        CountPlanView wh1 = planned.stream().filter(p -> p.warehouse().equals("P1-WH1")).findFirst().orElseThrow();
        CountPlanView other = planned.stream().filter(p -> !p.warehouse().equals("P1-WH1")).findFirst().orElseThrow();
        ConsoleSession.signIn(context, "audrey", "AUDITOR");
        UI.getCurrent().navigate(CountingView.class);
        DatePicker day = _get(DatePicker.class, spec -> spec.withId("counting-day"));
        @SuppressWarnings("unchecked")
        ComboBox<String> warehouse = _get(ComboBox.class, spec -> spec.withId("counting-warehouse"));
        @SuppressWarnings("unchecked")
        Grid<CountPlanView.Line> lines = _get(Grid.class, spec -> spec.withId("counting-lines"));
        assertThat(day.getValue()).as("today unless another day is picked").isEqualTo(today);
        warehouse.setValue("P1-WH1");
        assertThat(span("counting-summary").getText()).isEqualTo("No plan for P1-WH1 on " + today);
        assertThat(_fetch(lines, 0, 1000)).isEmpty();

        day.setValue(tomorrow);

        assertThat(span("counting-summary").getText()).startsWith("P1-WH1 " + tomorrow + ": ");
        assertThat(_fetch(lines, 0, 1000)).extracting(CountPlanView.Line::id)
                .containsExactlyElementsOf(wh1.lines().stream().map(CountPlanView.Line::id).toList());
        assertThat(_fetch(lines, 0, 1000)).anyMatch(l -> l.sku().equals(SKU) && l.location().equals(LOCATION));
        warehouse.setValue(other.warehouse());
        assertThat(span("counting-summary").getText()).startsWith(other.warehouse() + " " + tomorrow + ": ");
        assertThat(_fetch(lines, 0, 1000)).extracting(CountPlanView.Line::id)
                .containsExactlyElementsOf(other.lines().stream().map(CountPlanView.Line::id).toList());
    }

    @Test
    void anOperatorCountsAPlannedTaskBlindFromMyTasksWithAGs1Scan() {
        BigDecimal system = jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND location = ?")
                .params(SKU, LOCATION).query(BigDecimal.class).single();
        Grid<TaskItem> grid = olgasTasksWithAnEventCount(SKU, LOCATION);
        TaskItem task = countTask(grid, SKU, LOCATION);
        assertThat(grid.getColumns()).as("one narrow column for a phone").hasSize(1);
        grid.select(task);
        assertThat(span("my-tasks-place").getText()).contains(SKU).contains(LOCATION)
                .doesNotContain(system.stripTrailingZeros().toPlainString());

        _get(MyTasksView.class).scanned("(240)NUT-00002(30)5");
        assertThat(span("my-tasks-result").getText()).contains("not this task's item");

        _get(MyTasksView.class).scanned("(240)" + SKU + "(30)" + system.intValue());
        assertThat(span("my-tasks-result").getText()).contains("quantity " + system.intValue());
        assertThat(_get(BigDecimalField.class, spec -> spec.withId("my-tasks-quantity")).getValue())
                .isEqualByComparingTo(system);
        @SuppressWarnings("unchecked")
        ComboBox<String> uom = _get(ComboBox.class, spec -> spec.withId("my-tasks-uom"));
        assertThat(uom.getValue()).isEqualTo("EA");
        _get(MyTasksView.class).scanned(LOCATION);
        assertThat(span("my-tasks-result").getText()).contains("right place");

        _get(Button.class, spec -> spec.withId("my-tasks-submit")).click();
        assertThat(span("my-tasks-result").getText()).isEqualTo("Count taken");
        assertThat(_fetch(grid, 0, 1000)).noneMatch(t -> t.id().equals(task.id()));
        assertThat(jdbc.sql("SELECT status FROM count_plan_line WHERE id = ?::uuid").param(task.subject().id())
                .query(String.class).single()).isEqualTo("COUNTED");
    }

    @Test
    void aSerialTrackedItemIsCountedByScanningEveryUnit() {
        String sku = "MOT-00006";
        String location = "P1-WH1-A-02-03";
        List<String> there = jdbc.sql("SELECT serial FROM balance WHERE sku = ? AND location = ? AND quantity > 0 "
                + "ORDER BY serial").params(sku, location).query(String.class).list();
        assertThat(there).hasSizeGreaterThanOrEqualTo(2);
        Grid<TaskItem> grid = olgasTasksWithAnEventCount(sku, location);
        TaskItem task = countTask(grid, sku, location);
        grid.select(task);
        BigDecimalField quantity = _get(BigDecimalField.class, spec -> spec.withId("my-tasks-quantity"));
        assertThat(quantity.isReadOnly()).as("the quantity is the number of serials scanned").isTrue();
        assertThat(span("my-tasks-serials").getText()).isEqualTo("No serial numbers scanned");

        MyTasksView view = _get(MyTasksView.class);
        view.scanned(location);
        assertThat(span("my-tasks-result").getText()).contains("right place");
        view.scanned(OTHER_LOCATION);
        assertThat(span("my-tasks-result").getText()).as("a place is not a serial number")
                .contains("not this task's place");
        _get(Button.class, spec -> spec.withId("my-tasks-submit")).click();
        assertThat(span("my-tasks-result").getText()).as("nothing scanned: a second press counts none")
                .contains("press Submit count again");
        // an all-digit serial number is a serial here, not an unmarked GS1 string
        view.scanned("2100012345678901");
        assertThat(span("my-tasks-serials").getText()).isEqualTo("1 serial number: 2100012345678901");
        _get(Button.class, spec -> spec.withId("my-tasks-clear-serials")).click();
        assertThat(span("my-tasks-serials").getText()).isEqualTo("No serial numbers scanned");
        view.scanned(there.get(0));
        view.scanned(" " + there.get(0) + " ");
        assertThat(span("my-tasks-result").getText()).contains("scanned already");
        // a GS1 label's serial number (AI 21) is a serial too
        view.scanned("(240)" + sku + "(21)" + there.get(1));
        there.subList(2, there.size()).forEach(view::scanned);
        assertThat(quantity.getValue()).isEqualByComparingTo(BigDecimal.valueOf(there.size()));
        assertThat(span("my-tasks-serials").getText()).startsWith(there.size() + " serial numbers: ")
                .contains(there.get(0)).contains(there.get(1));

        _get(Button.class, spec -> spec.withId("my-tasks-submit")).click();
        assertThat(span("my-tasks-result").getText()).isEqualTo("Count taken");
        java.util.Map<String, Object> kept = jdbc.sql("SELECT outcome, counted_qty, serials FROM count_result "
                + "WHERE count_task_id = ?").param(task.id()).query().singleRow();
        assertThat(kept.get("outcome")).isEqualTo("NO_VARIANCE");
        assertThat((BigDecimal) kept.get("counted_qty")).isEqualByComparingTo(BigDecimal.valueOf(there.size()));
        assertThat(kept.get("serials").toString()).contains(there.get(0)).contains(there.get(there.size() - 1));
    }

    @Test
    void theTileIsTheShareOfCountsDueInTheLast30DaysCountedByTheirDueDay() {
        assertThat(tile.key()).isEqualTo("count-completion-on-time");
        assertThat(tile.read().headline()).as("nothing due yet").isEqualTo("–");

        LocalDate day = today.plusDays(1);
        publisher.publishEvent(new StockRefused("POSTING", SKU, LOCATION, null, BigDecimal.TEN, "test", "olga"));
        publisher.publishEvent(new StockRefused("POSTING", SKU, OTHER_LOCATION, null, BigDecimal.TEN, "test", "olga"));
        signInService("ivan", "INVENTORY_CONTROLLER");
        List<CountPlanView> planned = plans.planNow(day);
        long due = planned.stream().mapToLong(p -> p.lines().size()).sum();
        assertThat(due).isGreaterThanOrEqualTo(2);

        // one counted on its due day, the other the day after
        signInService("olga", "OPERATOR");
        clock.moveTo(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
        countWithSystemQuantity(LOCATION);
        clock.moveTo(day.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC));
        countWithSystemQuantity(OTHER_LOCATION);

        TileValue value = tile.read();
        String expected = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(due), 1, java.math.RoundingMode.HALF_UP)
                .toPlainString() + " %";
        assertThat(value.headline()).isEqualTo(expected);
        assertThat(value.detail()).startsWith("1 of " + due + " planned counts on time");
        assertThat(value.tone()).isEqualTo(TileValue.Tone.ALERT);
    }

    @Test
    void anOperatorClaimsACountTaskSoThatNoOneElseIsOfferedIt() {
        Grid<TaskItem> grid = olgasTasksWithAnEventCount(SKU, LOCATION);
        TaskItem task = countTask(grid, SKU, LOCATION);
        grid.select(task);
        assertThat(span("my-tasks-holder").getText()).startsWith("Not claimed");
        Button claim = _get(Button.class, spec -> spec.withId("my-tasks-claim"));
        assertThat(claim.isVisible()).isTrue();

        claim.click();

        assertThat(span("my-tasks-result").getText()).isEqualTo("Claimed: this task is yours to count");
        assertThat(span("my-tasks-holder").getText()).isEqualTo("Claimed by you");
        assertThat(claim.isVisible()).as("nothing left to claim").isFalse();
        assertThat(row(grid, task.id())).contains("claimed by you");
        assertThat(span("my-tasks-place").getText()).as("the form stays on the task").contains(LOCATION);
        assertThat(jdbc.sql("SELECT assignee_ FROM act_ru_task WHERE id_ = ?").param(task.id())
                .query(String.class).single()).isEqualTo("olga");
        // the other operator is no longer offered it, in the API or in the console
        assertThat(Api.as(port, "omar").get().uri("/api/v1/tasks?limit=1000").retrieve().body(String.class))
                .doesNotContain(task.id());
        ConsoleSession.close();
        ConsoleSession.signIn(context, "omar", "OPERATOR");
        UI.getCurrent().navigate(MyTasksView.class);
        @SuppressWarnings("unchecked")
        Grid<TaskItem> omars = _get(Grid.class, spec -> spec.withId("my-tasks-grid"));
        assertThat(_fetch(omars, 0, 1000)).noneMatch(t -> t.id().equals(task.id()));
    }

    @Test
    void aTaskSomeoneElseClaimedMeanwhileIsShownAsTheirsAndNothingIsCountedHere() {
        publisher.publishEvent(new StockRefused("POSTING", SKU, OTHER_LOCATION, null, BigDecimal.ONE, "test", "olga"));
        Grid<TaskItem> grid = olgasTasksWithAnEventCount(SKU, LOCATION);
        TaskItem counted = countTask(grid, SKU, LOCATION);
        TaskItem claimed = countTask(grid, SKU, OTHER_LOCATION);

        // olga is at the bin with the quantity entered when omar claims the task: Submit says it is omar's
        grid.select(counted);
        _get(BigDecimalField.class, spec -> spec.withId("my-tasks-quantity")).setValue(BigDecimal.TEN);
        assertThat(omarClaims(counted.id())).isEqualTo(200);
        _get(Button.class, spec -> spec.withId("my-tasks-submit")).click();
        assertThat(span("my-tasks-result").getText())
                .isEqualTo("omar has claimed this task: it is theirs to count, and nothing was counted here");
        assertThat(span("my-tasks-holder").getText()).isEqualTo("Claimed by omar: theirs to count, not yours");
        assertThat(row(grid, counted.id())).contains("claimed by omar");
        assertThat(_get(Button.class, spec -> spec.withId("my-tasks-submit")).isEnabled()).isFalse();
        assertThat(_get(MyTasksView.class).claim.isVisible()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM count_result WHERE count_task_id = ?").param(counted.id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM count_plan_line WHERE id = ?::uuid").param(counted.subject().id())
                .query(String.class).single()).isEqualTo("PLANNED");

        // the other task: omar claims it before olga does
        grid.select(claimed);
        assertThat(omarClaims(claimed.id())).isEqualTo(200);
        _get(Button.class, spec -> spec.withId("my-tasks-claim")).click();
        assertThat(span("my-tasks-result").getText()).startsWith("omar has claimed this task");
        assertThat(row(grid, claimed.id())).contains("claimed by omar");
        assertThat(_get(Button.class, spec -> spec.withId("my-tasks-submit")).isEnabled()).isFalse();
    }

    @Test
    void aTaskWithADueDateShowsIt() {
        Grid<TaskItem> grid = olgasTasksWithAnEventCount(SKU, LOCATION);
        TaskItem task = countTask(grid, SKU, LOCATION);
        assertThat(row(grid, task.id())).as("a planned count is due by the end of its due day")
                .contains("due " + today.plusDays(2) + " 00:00 UTC");
        java.time.Instant due = today.plusDays(1).atTime(18, 0).toInstant(ZoneOffset.UTC);
        taskService.setDueDate(task.id(), java.util.Date.from(due));

        _get(MyTasksView.class).refresh();

        assertThat(row(grid, task.id())).contains("due " + today.plusDays(1) + " 18:00 UTC");
    }

    @Test
    void aPlaceWithSeveralLotsNamesTheLotsStillToCount() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String sku = "T8L-" + suffix;
        String location = "P1-WH1-T8L-" + suffix;
        assertThat(Api.as(port, "ada").put().uri("/api/v1/items/" + sku).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"description": "two lots", "baseUom": "EA", "tracking": "LOT", "abcClass": "C",
                         "category": "TST", "unitCost": 0.01, "regulated": false}""")
                .retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(Api.as(port, "ada").put().uri("/api/v1/locations/" + location).contentType(MediaType.APPLICATION_JSON)
                .body("{\"warehouse\": \"P1-WH1\", \"type\": \"STOCK\", \"countable\": true, \"allowNegative\": false}")
                .retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful()).isTrue();
        for (String lot : List.of("A7", "B3")) {
            assertThat(Api.as(port, "olga").post().uri("/api/v1/movements").header("Idempotency-Key", sku + lot)
                    .contentType(MediaType.APPLICATION_JSON).body("""
                            {"type": "RECEIPT", "sku": "%s", "quantity": 4, "uom": "EA", "lot": "%s",
                             "to": {"location": "%s"}}""".formatted(sku, lot, location))
                    .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
        }
        Grid<TaskItem> grid = olgasTasksWithAnEventCount(sku, location);

        grid.select(countTask(grid, sku, location));

        assertThat(span("my-tasks-place").getText()).endsWith("lots still to count: A7, B3");
    }

    private int omarClaims(String taskId) {
        return Api.as(port, "omar").post().uri("/api/v1/tasks/" + taskId + "/claim").retrieve().toBodilessEntity()
                .getStatusCode().value();
    }

    /** The text the task list shows for a task. */
    private static String row(Grid<TaskItem> grid, String taskId) {
        List<TaskItem> items = _fetch(grid, 0, 1000);
        int index = items.stream().map(TaskItem::id).toList().indexOf(taskId);
        assertThat(index).as("task %s listed", taskId).isNotNegative();
        return String.join(" ", _getFormattedRow(grid, index));
    }

    /** An event count of the pair planned for tomorrow, and olga's My tasks open: its grid. */
    private Grid<TaskItem> olgasTasksWithAnEventCount(String sku, String location) {
        publisher.publishEvent(new StockRefused("POSTING", sku, location, null, BigDecimal.ONE, "test", "olga"));
        signInService("ivan", "INVENTORY_CONTROLLER");
        plans.planNow(today.plusDays(1));
        ConsoleSession.signIn(context, "olga", "OPERATOR");
        UI.getCurrent().navigate(MyTasksView.class);
        @SuppressWarnings("unchecked")
        Grid<TaskItem> grid = _get(Grid.class, spec -> spec.withId("my-tasks-grid"));
        return grid;
    }

    private static TaskItem countTask(Grid<TaskItem> grid, String sku, String location) {
        return _fetch(grid, 0, 1000).stream().filter(t -> "count".equals(t.subject().type())
                && sku.equals(t.subject().sku()) && location.equals(t.subject().location())).findFirst().orElseThrow();
    }

    private void countWithSystemQuantity(String location) {
        BigDecimal system = jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND location = ?")
                .params(SKU, location).query(BigDecimal.class).single();
        assertThat(counts.count(location, SKU, null, system, "EA", null, null, null, null).decision().outcome())
                .isEqualTo("NO_VARIANCE");
    }

    private static void signInService(String username, String role) {
        var user = User.withUsername(username).password("n/a")
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + role))).build();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static Span span(String id) {
        return _get(Span.class, spec -> spec.withId(id));
    }
}
