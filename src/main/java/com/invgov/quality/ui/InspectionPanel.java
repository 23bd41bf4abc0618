package com.invgov.quality.ui;

import com.invgov.api.ApiProblem;
import com.invgov.quality.IncomingInspections;
import com.invgov.quality.IncomingInspections.CheckEntry;
import com.invgov.quality.IncomingInspections.ChecklistItem;
import com.invgov.quality.IncomingInspections.InspectionOutcome;
import com.invgov.quality.IncomingInspections.InspectionTask;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open incoming inspections, and the inspection form of the selected one built from its item category's
 * checklist: pass/fail checks and measured values with their limits; a value outside them shows as failing at once.
 * Recording completes the receiving process's inspection task (pass → AVAILABLE and putaway, fail → quality hold).
 */
class InspectionPanel extends VerticalLayout {

    static final String PASS = "Pass";
    static final String FAIL = "Fail";

    final Grid<InspectionTask> tasks = new Grid<>(InspectionTask.class, false);
    final Span subject = new Span();
    final VerticalLayout checklist = new VerticalLayout();
    final Map<String, RadioButtonGroup<String>> passFail = new LinkedHashMap<>();
    final Map<String, BigDecimalField> measured = new LinkedHashMap<>();
    final Span verdict = new Span();
    final Button submit = new Button("Record inspection", e -> submit());
    final Span result = new Span();
    private final IncomingInspections inspections;
    private final Runnable changed;
    private List<ChecklistItem> items = List.of();
    private InspectionTask selected;

    InspectionPanel(IncomingInspections inspections, boolean mayInspect, Runnable changed) {
        this.inspections = inspections;
        this.changed = changed;
        setPadding(false);
        tasks.setId("inspection-tasks");
        tasks.addColumn(InspectionTask::receiptId).setHeader("Receipt").setAutoWidth(true);
        tasks.addColumn(t -> t.sku() + " " + t.description()).setHeader("Item").setAutoWidth(true);
        tasks.addColumn(t -> t.lot() != null ? t.lot() : t.serial() != null ? "SN " + t.serial() : "")
                .setHeader("Lot / serial");
        tasks.addColumn(InspectionTask::supplier).setHeader("Supplier");
        tasks.addColumn(t -> t.quantity().toPlainString() + " " + t.uom()).setHeader("Quantity");
        tasks.addColumn(t -> t.po() == null ? "unplanned" : t.po() + "/" + t.line()).setHeader("PO line");
        tasks.addColumn(InspectionPanel::why).setHeader("Why inspected").setAutoWidth(true);
        tasks.addColumn(InspectionTask::receivedAt).setHeader("Received");
        tasks.setAllRowsVisible(true);
        tasks.addSelectionListener(e -> select(e.getFirstSelectedItem().orElse(null)));
        subject.setId("inspection-subject");
        checklist.setId("inspection-checklist");
        checklist.setPadding(false);
        verdict.setId("inspection-verdict");
        submit.setId("inspection-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setEnabled(false);
        submit.setVisible(mayInspect);
        result.setId("inspection-result");
        add(tasks, new H4("Inspection"), subject, checklist, verdict, submit, result);
        refresh();
    }

    /** "first receipt (receiving-inspection v3)": the rule's reason and the version that decided. */
    static String why(InspectionTask t) {
        String reason = t.reason() == null ? "inspect" : t.reason().toLowerCase().replace('_', ' ');
        return reason + " (receiving-inspection v" + t.ruleVersion() + ")";
    }

    void refresh() {
        List<InspectionTask> open = inspections.open();
        tasks.setItems(open);
        if (selected != null && open.stream().noneMatch(t -> t.receiptId().equals(selected.receiptId()))) {
            select(null);
        }
    }

    int openCount() {
        return inspections.open().size();
    }

    private void select(InspectionTask task) {
        selected = task;
        checklist.removeAll();
        passFail.clear();
        measured.clear();
        verdict.setText("");
        submit.setEnabled(false);
        if (task == null) {
            subject.setText("Select a receipt to inspect.");
            items = List.of();
            return;
        }
        subject.setText("Receipt " + task.receiptId() + ": " + task.quantity().toPlainString() + " " + task.uom()
                + " of " + task.sku() + (task.lot() == null ? "" : " lot " + task.lot()) + " from "
                + task.supplier() + " at " + task.location() + " — " + why(task));
        items = inspections.checklist(task.receiptId());
        int n = 0;
        for (ChecklistItem item : items) {
            if (item.measured()) {
                BigDecimalField value = new BigDecimalField(item.name() + " [" + limits(item) + "]");
                value.setId("inspection-check-" + n++);
                value.addValueChangeListener(e -> update());
                measured.put(item.name(), value);
                checklist.add(value);
            } else {
                RadioButtonGroup<String> check = new RadioButtonGroup<>(item.name(), PASS, FAIL);
                check.setId("inspection-check-" + n++);
                check.addValueChangeListener(e -> update());
                passFail.put(item.name(), check);
                checklist.add(check);
            }
        }
        update();
    }

    /** Marks out-of-limit values and says what recording would do. */
    void update() {
        List<String> failing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ChecklistItem item : items) {
            if (item.measured()) {
                BigDecimalField field = measured.get(item.name());
                BigDecimal value = field.getValue();
                boolean out = value != null && !item.within(value);
                field.setInvalid(out);
                field.setErrorMessage(out ? "outside " + limits(item) + ": fails" : null);
                if (value == null) {
                    missing.add(item.name());
                } else if (out) {
                    failing.add(item.name() + " " + value.toPlainString() + " " + unit(item));
                }
            } else {
                String value = passFail.get(item.name()).getValue();
                if (value == null) {
                    missing.add(item.name());
                } else if (FAIL.equals(value)) {
                    failing.add(item.name());
                }
            }
        }
        if (!failing.isEmpty()) {
            verdict.setText("FAILS: " + String.join(", ", failing) + " → the receipt goes on quality hold");
        } else if (!missing.isEmpty()) {
            verdict.setText("Still to check: " + String.join(", ", missing));
        } else {
            verdict.setText("PASSES: every check within limits → AVAILABLE, putaway task");
        }
        submit.setEnabled(selected != null && missing.isEmpty());
    }

    void submit() {
        if (selected == null) {
            return;
        }
        List<CheckEntry> entries = new ArrayList<>();
        for (ChecklistItem item : items) {
            if (item.measured()) {
                entries.add(new CheckEntry(item.name(), null, measured.get(item.name()).getValue()));
            } else {
                String value = passFail.get(item.name()).getValue();
                entries.add(new CheckEntry(item.name(), value == null ? null : PASS.equals(value), null));
            }
        }
        try {
            InspectionOutcome outcome = inspections.record(selected.receiptId(), entries);
            result.setText("Receipt " + outcome.receiptId() + (outcome.passed()
                    ? " passed: AVAILABLE, waiting for putaway" : " failed: on quality hold"));
            tasks.deselectAll();
            refresh();
            changed.run();
        } catch (ApiProblem e) {
            result.setText(Problems.text(e));
            Problems.show(e);
        }
    }

    private static String limits(ChecklistItem item) {
        String min = item.min() == null ? "" : item.min().stripTrailingZeros().toPlainString();
        String max = item.max() == null ? "" : item.max().stripTrailingZeros().toPlainString();
        String range = item.min() == null ? "≤ " + max : item.max() == null ? "≥ " + min : min + "–" + max;
        return range + (unit(item).isEmpty() ? "" : " " + unit(item));
    }

    private static String unit(ChecklistItem item) {
        return item.unit() == null ? "" : item.unit();
    }
}
