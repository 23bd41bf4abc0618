package com.invgov.counting.ui;

import com.invgov.adjustment.Adjustments;
import com.invgov.adjustment.TaskView;
import com.invgov.api.ApiProblem;
import com.invgov.counting.CountResult;
import com.invgov.counting.Counts;
import com.invgov.inventory.Item;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.UomConversion;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;

/**
 * The operator's tasks on a phone-sized screen: pick a (re)count task, scan the location or item to confirm the
 * place, enter what is there in any UoM of the item. Blind: the system quantity is never shown, not even after
 * the count (the answer says only whether it was taken).
 */
@Route("my-tasks")
@PageTitle("My tasks · invgov")
@Menu(order = 20, title = "My tasks", icon = "vaadin:tasks")
@RolesAllowed({"OPERATOR", "INVENTORY_CONTROLLER", "ADMIN"})
public class MyTasksView extends VerticalLayout {

    final Grid<TaskView> tasks = new Grid<>();
    final TextField scan = new TextField("Scan");
    final Span place = new Span();
    final BigDecimalField quantity = new BigDecimalField("Counted quantity");
    final ComboBox<String> uom = new ComboBox<>("UoM");
    final Button submit = new Button("Submit count");
    final Span result = new Span();
    private final Adjustments adjustments;
    private final Counts counts;
    private final MasterData masterData;
    private TaskView selected;

    public MyTasksView(Adjustments adjustments, Counts counts, MasterData masterData) {
        this.adjustments = adjustments;
        this.counts = counts;
        this.masterData = masterData;
        setMaxWidth("480px");
        tasks.setId("my-tasks-grid");
        tasks.addColumn(TaskView::name).setHeader("Task");
        tasks.addColumn(t -> t.subject().location()).setHeader("Location");
        tasks.addColumn(t -> t.subject().sku()).setHeader("SKU");
        tasks.setAllRowsVisible(true);
        tasks.addSelectionListener(e -> select(e.getFirstSelectedItem().orElse(null)));
        scan.setId("my-tasks-scan");
        scan.setPlaceholder("Scan the location or item label");
        scan.addKeyPressListener(Key.ENTER, e -> scanned(scan.getValue()));
        place.setId("my-tasks-place");
        quantity.setId("my-tasks-quantity");
        uom.setId("my-tasks-uom");
        submit.setId("my-tasks-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        result.setId("my-tasks-result");
        add(new H2("My tasks"), tasks, place, scan, quantity, uom, submit, result);
        refresh();
    }

    void refresh() {
        tasks.setItems(adjustments.myTasks(200).stream().filter(t -> "recount".equals(t.taskKey())).toList());
        select(null);
    }

    void select(TaskView task) {
        selected = task;
        quantity.clear();
        List<String> uoms = new ArrayList<>();
        if (task != null) {
            place.setText("Count " + task.subject().sku() + " at " + task.subject().location());
            masterData.findItem(task.subject().sku()).ifPresent(item -> uoms.addAll(uoms(item)));
        } else {
            place.setText("Pick a task");
        }
        uom.setItems(uoms);
        if (!uoms.isEmpty()) {
            uom.setValue(uoms.get(0));
        }
        submit.setEnabled(task != null);
    }

    void scanned(String code) {
        String value = code == null ? "" : code.trim();
        scan.clear();
        if (selected == null || value.isEmpty()) {
            return;
        }
        boolean matches = value.equals(selected.subject().location()) || value.equals(selected.subject().sku())
                || value.equals(selected.subject().sku() + "@" + selected.subject().location());
        result.setText(matches ? "Scanned " + value + ": right place" : "Scanned " + value + ": not this task's place");
    }

    void submit() {
        if (selected == null || quantity.getValue() == null || uom.getValue() == null) {
            result.setText("Enter the counted quantity and its UoM");
            return;
        }
        try {
            CountResult r = counts.count(selected.subject().location(), selected.subject().sku(),
                    selected.subject().lot(), quantity.getValue(), uom.getValue(), selected.id(), null, null);
            result.setText("Count taken");
            refresh();
        } catch (ApiProblem e) {
            result.setText(e.getMessage());
        }
    }

    private static List<String> uoms(Item item) {
        List<String> uoms = new ArrayList<>();
        uoms.add(item.baseUom());
        item.uomConversions().stream().map(UomConversion::uom).forEach(uoms::add);
        return uoms;
    }
}
