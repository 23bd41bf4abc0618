package com.invgov.counting.ui;

import com.invgov.api.ApiProblem;
import com.invgov.api.Conflict;
import com.invgov.counting.CountResult;
import com.invgov.counting.Counts;
import com.invgov.inventory.Item;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Tracking;
import com.invgov.inventory.UomConversion;
import com.invgov.receiving.Gs1Barcode;
import com.invgov.security.CurrentUser;
import com.invgov.workflow.MyTasks;
import com.invgov.workflow.TaskItem;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's tasks on a phone-sized screen: pick a planned count or a recount task, scan the location or item to
 * confirm the place, enter what is there in any UoM of the item. Blind: the system quantity is never shown, not even
 * after the count (the answer says only whether it was taken).
 * <p>
 * The scan field takes what a keyboard-wedge scanner types: a location code, a SKU, or a GS1-128 element string
 * (raw with FNC1 or in the human-readable {@code (AI)value} form). Of a GS1 scan, AI 240 (additional product
 * identification) is read as the SKU, AI 10 fills the lot and AI 30 (count of items) the quantity in the base UoM. The
 * demo plant's items carry no GTIN, so an AI 01 alone cannot name the item: the form says so and keeps the task's item.
 * <p>
 * A serial-tracked item is counted by scanning every unit: any other scan (or a GS1 label's AI 21) is a serial
 * number, listed under the field; the counted quantity is the number of serials, in the base UoM. A serial scanned
 * twice is listed once; "Clear serials" starts the list again.
 * <p>
 * A task may be claimed first, so that no one else counts the same bin unknowingly: the list shows each task's due date
 * when it has one and who holds it. The inbox lists only tasks that are unclaimed or the user's own; one that someone
 * else claimed after the list was read is shown as theirs when Claim or Submit finds out, and cannot be counted here.
 */
@Route("my-tasks")
@PageTitle("My tasks · invgov")
@Menu(order = 20, title = "My tasks", icon = "vaadin:tasks")
@RolesAllowed({"OPERATOR", "INVENTORY_CONTROLLER", "ADMIN"})
public class MyTasksView extends VerticalLayout {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    final Grid<TaskItem> tasks = new Grid<>();
    final TextField scan = new TextField("Scan");
    final Span place = new Span();
    final Span holder = new Span();
    final Button claim = new Button("Claim");
    final TextField lot = new TextField("Lot");
    final BigDecimalField quantity = new BigDecimalField("Counted quantity");
    final ComboBox<String> uom = new ComboBox<>("UoM");
    final Button submit = new Button("Submit count");
    final Span result = new Span();
    final Span serialList = new Span();
    final Button clearSerials = new Button("Clear serials");
    private final List<String> serials = new ArrayList<>();
    private boolean serialTracked;
    /** The operator pressed Submit once with no serial scanned: the next press counts none. */
    private boolean noneConfirmed;
    private final MyTasks myTasks;
    private final Counts counts;
    private final MasterData masterData;
    private final Clock clock;
    private final String me;
    private TaskItem selected;
    /** The list shows a task again as read now: the selection changes, the form does not. */
    private boolean keepForm;

    public MyTasksView(MyTasks myTasks, Counts counts, MasterData masterData, Clock clock, CurrentUser user) {
        this.clock = clock;
        this.me = user.requireUsername();
        this.myTasks = myTasks;
        this.counts = counts;
        this.masterData = masterData;
        setMaxWidth("480px");
        tasks.setId("my-tasks-grid");
        // one narrow column: a phone shows the whole task without scrolling sideways
        tasks.addColumn(this::label).setHeader("Task");
        tasks.setAllRowsVisible(true);
        tasks.addSelectionListener(e -> {
            if (!keepForm) {
                select(e.getFirstSelectedItem().orElse(null));
            }
        });
        scan.setId("my-tasks-scan");
        scan.setPlaceholder("Scan the location or item label");
        scan.addKeyPressListener(Key.ENTER, e -> scanned(scan.getValue()));
        place.setId("my-tasks-place");
        holder.setId("my-tasks-holder");
        claim.setId("my-tasks-claim");
        claim.addClickListener(e -> claim());
        lot.setId("my-tasks-lot");
        quantity.setId("my-tasks-quantity");
        uom.setId("my-tasks-uom");
        submit.setId("my-tasks-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        result.setId("my-tasks-result");
        serialList.setId("my-tasks-serials");
        clearSerials.setId("my-tasks-clear-serials");
        clearSerials.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clearSerials.addClickListener(e -> {
            serials.clear();
            showSerials();
        });
        scan.setWidthFull();
        lot.setWidthFull();
        quantity.setWidthFull();
        uom.setWidthFull();
        submit.setWidthFull();
        claim.setWidthFull();
        add(new H2("My tasks"), tasks, place, holder, claim, scan, serialList, clearSerials, lot, quantity, uom, submit, result);
        refresh();
    }

    void refresh() {
        // planned counts and recounts, as the task inbox offers them (segregation of duties applied)
        tasks.setItems(myTasks.list(200).stream().filter(MyTasksView::isCount).toList());
        select(null);
    }

    /** One line per task, narrow enough for a phone: what and where, when it is due, who holds it. */
    private String label(TaskItem t) {
        return t.name() + " · " + t.subject().location() + " · " + t.subject().sku()
                + (t.due() == null ? "" : " · due " + DUE.format(t.due()))
                + (t.assignee() == null ? "" : " · " + (me.equals(t.assignee()) ? "claimed by you"
                : "claimed by " + t.assignee()));
    }

    private static boolean isCount(TaskItem t) {
        return "count".equals(t.subject().type()) || "recount".equals(t.taskKey());
    }

    void select(TaskItem task) {
        selected = task;
        quantity.clear();
        serials.clear();
        noneConfirmed = false;
        serialTracked = task != null && masterData.findItem(task.subject().sku())
                .map(item -> item.tracking() == Tracking.SERIAL).orElse(false);
        lot.setValue(task == null || task.subject().lot() == null ? "" : task.subject().lot());
        List<String> uoms = new ArrayList<>();
        if (task != null) {
            // a place holding several lots: each is counted on its own, and the task stays until all are
            List<String> lots = task.subject().lots();
            place.setText("Count " + task.subject().sku() + " at " + task.subject().location()
                    + (lots == null || lots.isEmpty() ? "" : " · lots still to count: " + String.join(", ", lots)));
            masterData.findItem(task.subject().sku()).ifPresent(item -> uoms.addAll(uoms(item)));
        } else {
            place.setText("Pick a task");
        }
        showHolder();
        uom.setItems(uoms);
        if (!uoms.isEmpty()) {
            uom.setValue(uoms.get(0));
        }
        // a serial-tracked item is counted unit by unit: the quantity is the number of serials scanned
        quantity.setReadOnly(serialTracked);
        uom.setReadOnly(serialTracked);
        scan.setPlaceholder(serialTracked ? "Scan the place, then the serial number of every unit"
                : "Scan the location or item label");
        showSerials();
    }

    private boolean heldByOther() {
        return selected != null && selected.assignee() != null && !me.equals(selected.assignee());
    }

    private void showHolder() {
        holder.setText(selected == null ? "" : selected.assignee() == null
                ? "Not claimed: claim it so that no one else counts this place meanwhile"
                : me.equals(selected.assignee()) ? "Claimed by you"
                : "Claimed by " + selected.assignee() + ": theirs to count, not yours");
        claim.setVisible(selected != null && selected.assignee() == null);
        submit.setEnabled(selected != null && !heldByOther());
    }

    void claim() {
        if (selected == null) {
            return;
        }
        try {
            show(myTasks.claim(selected.id()));
            result.setText("Claimed: this task is yours to count");
        } catch (Conflict e) {
            readAgain(e);
        } catch (ApiProblem e) {
            result.setText(e.getMessage());
        }
    }

    /**
     * The task was refused as it was listed (claimed or done by someone else meanwhile): read it again and show who
     * holds it now, or that it is gone.
     */
    private void readAgain(ApiProblem refusal) {
        TaskItem now;
        try {
            now = myTasks.task(selected.id());
        } catch (ApiProblem gone) {
            refresh();
            result.setText("That task is no longer open (someone else did it): " + refusal.getMessage());
            return;
        }
        show(now);
        result.setText(heldByOther() ? selected.assignee() + " has claimed this task: it is theirs to count, and "
                + "nothing was counted here" : refusal.getMessage());
    }

    /** Shows the task as read now, in the list and in the form, keeping what was entered. */
    private void show(TaskItem now) {
        List<TaskItem> items = new ArrayList<>(tasks.getListDataView().getItems().toList());
        items.replaceAll(t -> t.id().equals(now.id()) ? now : t);
        // new items clear the selection, which would clear the form: the same task stays selected as it was
        keepForm = true;
        try {
            tasks.setItems(items);
            tasks.select(now);
        } finally {
            keepForm = false;
        }
        selected = now;
        showHolder();
    }

    private void showSerials() {
        serialList.setVisible(serialTracked);
        clearSerials.setVisible(serialTracked && !serials.isEmpty());
        serialList.setText(serials.isEmpty() ? "No serial numbers scanned"
                : serials.size() + (serials.size() == 1 ? " serial number: " : " serial numbers: ")
                + String.join(", ", serials));
        if (serialTracked) {
            quantity.setValue(BigDecimal.valueOf(serials.size()));
        }
    }

    private void serialScanned(String serial) {
        if (serials.contains(serial)) {
            result.setText("Serial " + serial + " is scanned already");
            return;
        }
        serials.add(serial);
        noneConfirmed = false;
        showSerials();
        result.setText("Serial " + serial + " taken");
    }

    void scanned(String code) {
        String value = code == null ? "" : code.trim();
        scan.clear();
        if (selected == null || value.isEmpty()) {
            return;
        }
        if (value.equals(selected.subject().location()) || value.equals(selected.subject().sku())
                || value.equals(selected.subject().sku() + "@" + selected.subject().location())) {
            result.setText("Scanned " + value + ": right place");
            return;
        }
        // a serial number may be all digits: of a serial-tracked item only a marked label is read as GS1
        if (serialTracked ? looksLikeMarkedGs1(value) : looksLikeGs1(value)) {
            gs1(value);
            return;
        }
        if (serialTracked && masterData.findLocation(value).isEmpty() && masterData.findItem(value).isEmpty()) {
            serialScanned(value);
            return;
        }
        result.setText("Scanned " + value + ": not this task's place");
    }

    private static boolean looksLikeGs1(String value) {
        return looksLikeMarkedGs1(value) || value.matches("\\d{16,}.*");
    }

    /** A GS1 element string in its human-readable form, with a symbology identifier or with FNC1 separators. */
    private static boolean looksLikeMarkedGs1(String value) {
        return value.startsWith("(") || value.startsWith("]C1") || value.indexOf('\u001d') >= 0;
    }

    private void gs1(String value) {
        Gs1Barcode code;
        try {
            code = Gs1Barcode.parse(value, LocalDate.now(clock));
        } catch (RuntimeException e) {
            result.setText("Not a readable label: " + e.getMessage());
            return;
        }
        String sku = code.otherElements().get("240");
        if (sku != null && !sku.equals(selected.subject().sku())) {
            result.setText("Scanned item " + sku + ": not this task's item " + selected.subject().sku());
            return;
        }
        List<String> filled = new ArrayList<>();
        if (code.lot() != null) {
            lot.setValue(code.lot());
            filled.add("lot " + code.lot());
        }
        if (serialTracked && code.serial() != null) {
            serialScanned(code.serial());
            return;
        }
        if (code.itemCount() != null && !serialTracked) {
            quantity.setValue(BigDecimal.valueOf(code.itemCount()));
            masterData.findItem(selected.subject().sku()).ifPresent(item -> uom.setValue(item.baseUom()));
            filled.add("quantity " + code.itemCount());
        }
        if (sku == null && code.gtin() != null) {
            result.setText("GTIN " + code.gtin() + " names no item here (items carry no GTIN): scan the SKU"
                    + (filled.isEmpty() ? "" : "; took " + String.join(", ", filled)));
            return;
        }
        result.setText("Scanned label" + (sku == null ? "" : " of " + sku)
                + (filled.isEmpty() ? "" : ": took " + String.join(", ", filled)));
    }

    void submit() {
        if (heldByOther()) {
            result.setText("Claimed by " + selected.assignee() + ": theirs to count, not yours");
            return;
        }
        if (selected == null || quantity.getValue() == null || uom.getValue() == null) {
            result.setText("Enter the counted quantity and its UoM");
            return;
        }
        if (serialTracked && serials.isEmpty() && !noneConfirmed) {
            // one click too many is cheaper than a count of nothing by mistake
            noneConfirmed = true;
            result.setText("No serial numbers scanned: press Submit count again to count none here");
            return;
        }
        try {
            CountResult r = counts.count(selected.subject().location(), selected.subject().sku(),
                    lot.getValue() == null || lot.getValue().isBlank() ? null : lot.getValue().trim(),
                    quantity.getValue(), uom.getValue(), serialTracked ? List.copyOf(serials) : null, selected.id(),
                    null, null);
            result.setText("Count taken");
            refresh();
        } catch (Conflict e) {
            readAgain(e);
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
