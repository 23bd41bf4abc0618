package com.invgov.adjustment.ui;

import com.invgov.adjustment.Adjustment;
import com.invgov.adjustment.Adjustments;
import com.invgov.api.ApiProblem;
import com.invgov.inventory.Item;
import com.invgov.inventory.Location;
import com.invgov.inventory.MasterData;
import com.invgov.workflow.MyTasks;
import com.invgov.workflow.TaskItem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The approvals inbox of controllers, finance and quality: the adjustments waiting for one of the user's roles,
 * filtered by place, ABC class, value and source; per adjustment the variance, value, the rules that fired and the
 * count history of that item at that location. Approve or reject the checked lines that the filters show, each
 * checked again for segregation of duties by the service: a line the user may not decide is skipped and said so.
 * Segregation of duties also hides what the user counted, recounted, requested or approved already.
 */
@Route("approvals")
@PageTitle("Approvals · invgov")
@Menu(order = 21, title = "Approvals", icon = "vaadin:check-square-o")
@RolesAllowed({"INVENTORY_CONTROLLER", "FINANCE", "QUALITY", "ADMIN"})
public class ApprovalsView extends VerticalLayout {

    /** One line of the inbox; {@code abcClass} and {@code warehouse} come from the master data (null if unknown). */
    public record Row(TaskItem task, Adjustment adjustment, String abcClass, String warehouse) {
        public String sku() {
            return adjustment.sku();
        }

        public String location() {
            return adjustment.location();
        }

        public String delta() {
            return adjustment.quantityDelta().stripTrailingZeros().toPlainString();
        }

        public String value() {
            return adjustment.value().setScale(2, RoundingMode.HALF_UP).toPlainString();
        }

        public String role() {
            return String.join(", ", task.candidateRoles());
        }

        public String why() {
            return String.join("; ", adjustment.decision().firedRules()) + (adjustment.escalated() ? " · OVERDUE" : "");
        }
    }

    final Grid<Row> grid = new Grid<>();
    final TextField place = new TextField("Warehouse or location");
    final ComboBox<String> abcClass = new ComboBox<>("ABC class", "A", "B", "C");
    final BigDecimalField minValue = new BigDecimalField("Minimum value");
    final ComboBox<String> source = new ComboBox<>("Source", "CYCLE_COUNT", "MANUAL", "QUALITY");
    final Span selection = new Span();
    final TextArea comment = new TextArea("Comment (required to reject)");
    final Button approve = new Button("Approve checked");
    final Button reject = new Button("Reject checked");
    final Span result = new Span();
    final AdjustmentDetail detail;
    private final Adjustments adjustments;
    private final MyTasks myTasks;
    private final MasterData masterData;
    private ListDataProvider<Row> rows = new ListDataProvider<>(new ArrayList<>());
    private InboxFilter filter = InboxFilter.NONE;

    public ApprovalsView(Adjustments adjustments, MyTasks myTasks, MasterData masterData,
                         com.invgov.inventory.Ledger ledger) {
        this.myTasks = myTasks;
        this.adjustments = adjustments;
        this.masterData = masterData;
        this.detail = new AdjustmentDetail(adjustments, ledger);
        grid.setId("approvals-grid");
        grid.addColumn(Row::sku).setHeader("SKU").setAutoWidth(true);
        grid.addColumn(Row::location).setHeader("Location").setAutoWidth(true);
        grid.addColumn(r -> r.abcClass() == null ? "" : r.abcClass()).setHeader("ABC");
        grid.addColumn(r -> r.adjustment().source()).setHeader("Source");
        grid.addColumn(Row::delta).setHeader("Δ qty");
        grid.addColumn(Row::value).setHeader("Value");
        grid.addColumn(Row::role).setHeader("As");
        grid.addColumn(Row::why).setHeader("Rules that fired").setFlexGrow(2);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> showSelection());
        grid.asMultiSelect().addSelectionListener(e -> e.getAddedSelection().stream().findFirst().ifPresent(detail::show));
        grid.addItemClickListener(e -> detail.show(e.getItem()));

        place.setId("approvals-filter-place");
        place.setPlaceholder("P1-WH1 or P1-WH1-A-03");
        place.setValueChangeMode(ValueChangeMode.LAZY);
        abcClass.setId("approvals-filter-abc");
        abcClass.setClearButtonVisible(true);
        minValue.setId("approvals-filter-min-value");
        source.setId("approvals-filter-source");
        source.setClearButtonVisible(true);
        place.addValueChangeListener(e -> applyFilter());
        abcClass.addValueChangeListener(e -> applyFilter());
        minValue.addValueChangeListener(e -> applyFilter());
        source.addValueChangeListener(e -> applyFilter());
        FlexLayout filters = new FlexLayout(place, abcClass, minValue, source);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");

        selection.setId("approvals-selection");
        comment.setId("approvals-comment");
        comment.setWidthFull();
        approve.setId("approvals-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reject.setId("approvals-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        result.setId("approvals-result");
        approve.addClickListener(e -> decide(true));
        reject.addClickListener(e -> decide(false));
        HorizontalLayout actions = new HorizontalLayout(approve, reject, selection);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Approvals"), filters, grid, comment, actions, result, detail);
        refresh();
    }

    void refresh() {
        List<Row> lines = new ArrayList<>();
        for (TaskItem t : myTasks.list(500)) {
            if (Adjustments.PROCESS.equals(t.processKey()) && "approve".equals(t.taskKey())) {
                Adjustment a = adjustments.adjustment(t.businessKey());
                String abc = masterData.findItem(a.sku()).map(Item::abcClass).map(Enum::name).orElse(null);
                String warehouse = masterData.findLocation(a.location()).map(Location::warehouse).orElse(null);
                lines.add(new Row(t, a, abc, warehouse));
            }
        }
        rows = new ListDataProvider<>(lines);
        rows.setFilter(filter::test);
        grid.setItems(rows);
        showSelection();
    }

    /** Filters the inbox; checked lines the filter hides are unchecked, so a bulk decision only takes what is shown. */
    void applyFilter() {
        filter = new InboxFilter(place.getValue(), abcClass.getValue(), minValue.getValue(), source.getValue());
        rows.setFilter(filter::test);
        grid.getSelectedItems().stream().filter(r -> !filter.test(r)).toList().forEach(grid::deselect);
        showSelection();
    }

    /** The checked lines that the current filter shows: what a bulk approval or rejection acts on. */
    List<Row> checked() {
        return grid.getSelectedItems().stream().filter(filter::test).toList();
    }

    /**
     * Approves (or rejects) every checked line the filter shows, one by one: each is checked again by the service
     * (segregation of duties, a task completed meanwhile, a rejection without comment). The ones refused are
     * skipped and listed in a notification and below the buttons.
     */
    void decide(boolean approved) {
        int done = 0;
        List<String> problems = new ArrayList<>();
        for (Row row : checked()) {
            try {
                adjustments.complete(row.task().id(), approved, comment.getValue());
                done++;
            } catch (ApiProblem e) {
                problems.add(row.sku() + " at " + row.location() + ": " + e.getMessage());
            }
        }
        String text = (approved ? "Approved " : "Rejected ") + done + (problems.isEmpty() ? ""
                : " · refused " + problems.size() + ": " + String.join("; ", problems));
        result.setText(text);
        if (!problems.isEmpty()) {
            Notification note = new Notification(problems.size() + " not " + (approved ? "approved" : "rejected")
                    + ", skipped: " + String.join("; ", problems), 10_000, Notification.Position.MIDDLE);
            note.setId("approvals-skipped");
            note.addThemeVariants(NotificationVariant.LUMO_WARNING);
            note.open();
        }
        comment.clear();
        grid.deselectAll();
        refresh();
    }

    private void showSelection() {
        long shown = rows.getItems().stream().filter(filter::test).count();
        selection.setText(checked().size() + " checked of " + shown + " shown");
    }
}
