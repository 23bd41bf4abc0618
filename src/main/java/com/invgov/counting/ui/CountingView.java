package com.invgov.counting.ui;

import com.invgov.api.ApiProblem;
import com.invgov.counting.CountPlanView;
import com.invgov.counting.CountPlans;
import com.invgov.counting.CountingOverview;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The Counting overview: per warehouse today's plan, open and overdue counts and the accuracy of the last 30 days;
 * the lines of one warehouse's plan of a day picked (today unless another is picked); and, for controllers and admins,
 * "Plan now" (today's plan). Blind like the plans.
 */
@Route("counting")
@PageTitle("Counting · invgov")
@Menu(order = 23, title = "Counting", icon = "vaadin:clipboard-check")
@RolesAllowed({"INVENTORY_CONTROLLER", "ADMIN", "AUDITOR", "FINANCE"})
public class CountingView extends VerticalLayout {

    final Grid<CountingOverview> overview = new Grid<>();
    final ComboBox<String> warehouse = new ComboBox<>("Warehouse");
    final DatePicker day = new DatePicker("Day");
    final Grid<CountPlanView.Line> lines = new Grid<>();
    final Span summary = new Span();
    final Button planNow = new Button("Plan now");
    private final CountPlans plans;
    private final Clock clock;

    public CountingView(CountPlans plans, CurrentUser user, Clock clock) {
        this.plans = plans;
        this.clock = clock;
        setSizeFull();
        overview.setId("counting-overview");
        overview.addColumn(CountingOverview::warehouse).setHeader("Warehouse").setAutoWidth(true);
        overview.addColumn(o -> o.countedToday() + " / " + o.plannedToday()).setHeader("Today counted / planned");
        overview.addColumn(CountingOverview::open).setHeader("Open");
        overview.addColumn(CountingOverview::overdue).setHeader("Overdue");
        overview.addColumn(o -> o.accuracyPct() == null ? "–" : o.accuracyPct().toPlainString() + " % of "
                + o.countsLast30Days()).setHeader("Accuracy, 30 days");
        overview.setAllRowsVisible(true);
        overview.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(o -> warehouse.setValue(o.warehouse())));

        warehouse.setId("counting-warehouse");
        warehouse.addValueChangeListener(e -> showPlan());
        day.setId("counting-day");
        day.setValue(today());
        day.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                day.setValue(today());
            } else {
                showPlan();
            }
        });
        summary.setId("counting-summary");
        lines.setId("counting-lines");
        lines.addColumn(CountPlanView.Line::priority).setHeader("#").setAutoWidth(true);
        lines.addColumn(CountPlanView.Line::sku).setHeader("SKU").setAutoWidth(true);
        lines.addColumn(CountPlanView.Line::location).setHeader("Location").setAutoWidth(true);
        lines.addColumn(l -> l.lot() == null ? "" : l.lot()).setHeader("Lot");
        lines.addColumn(CountPlanView.Line::reason).setHeader("Reason");
        lines.addColumn(CountPlanView.Line::dueDate).setHeader("Due");
        lines.addColumn(CountPlanView.Line::status).setHeader("Status");
        lines.addColumn(l -> l.onTime() == null ? "" : l.onTime() ? "on time" : "late").setHeader("Counted");

        planNow.setId("counting-plan-now");
        planNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        planNow.addClickListener(e -> planNow());
        planNow.setVisible(user.hasAnyRole(Role.INVENTORY_CONTROLLER, Role.ADMIN));
        HorizontalLayout bar = new HorizontalLayout(warehouse, day, planNow);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Counting"), overview, new H3("Plan of the day"), bar, summary, lines);
        refresh();
    }

    void refresh() {
        List<CountingOverview> figures = plans.overview();
        overview.setItems(figures);
        List<String> warehouses = figures.stream().map(CountingOverview::warehouse).toList();
        String current = warehouse.getValue();
        warehouse.setItems(warehouses);
        if (current != null && warehouses.contains(current)) {
            warehouse.setValue(current);
        } else if (!warehouses.isEmpty()) {
            warehouse.setValue(warehouses.get(0));
        }
        showPlan();
    }

    /** Today as the plans count days: in UTC. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    void showPlan() {
        String w = warehouse.getValue();
        LocalDate d = day.getValue() == null ? today() : day.getValue();
        List<CountPlanView> ofDay = w == null ? List.of() : plans.plans(w, d);
        if (ofDay.isEmpty()) {
            summary.setText(w == null ? "No plans yet" : "No plan for " + w + " on " + d);
            lines.setItems(List.of());
            return;
        }
        CountPlanView plan = ofDay.get(0);
        long waiting = plan.lines().stream().filter(l -> "WAITING".equals(l.status())).count();
        summary.setText(plan.warehouse() + " " + plan.day() + ": " + (plan.lines().size() - waiting) + " of capacity "
                + plan.capacity() + " planned, " + waiting + " waiting for capacity (policy version "
                + plan.ruleSetVersion() + ", by " + plan.plannedBy() + ")");
        lines.setItems(plan.lines());
    }

    void planNow() {
        try {
            List<CountPlanView> planned = plans.planNow(null);
            summary.setText("Planned: " + planned.size() + " warehouse(s) have a plan for today");
            day.setValue(today());
            refresh();
        } catch (ApiProblem e) {
            summary.setText(e.getMessage());
        }
    }
}
