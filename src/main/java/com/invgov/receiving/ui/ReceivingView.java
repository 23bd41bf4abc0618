package com.invgov.receiving.ui;

import com.invgov.api.ApiProblem;
import com.invgov.receiving.ExpectedReceipt;
import com.invgov.receiving.ExpectedReceipts;
import com.invgov.receiving.Receipt;
import com.invgov.receiving.ReceiveCommand;
import com.invgov.receiving.Receiving;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.UUID;

/**
 * The dock: a scan-first receipt form (the scan field has the focus; Enter receives), the expected receipts due
 * today with the overdue ones first and flagged, and every open expected receipt. Pick a line, scan the GS1-128 label
 * (or type lot and quantity), receive. A bad scan says which part is wrong.
 */
@Route("receiving")
@PageTitle("Receiving · invgov")
@Menu(order = 20, title = "Receiving", icon = "vaadin:truck")
@RolesAllowed({"OPERATOR", "PLANNER", "ADMIN"})
public class ReceivingView extends VerticalLayout {

    final Grid<ExpectedReceipt> due = new Grid<>(ExpectedReceipt.class, false);
    final H3 dueTitle = new H3();
    final Grid<ExpectedReceipt> expected = new Grid<>(ExpectedReceipt.class, false);
    final TextField po = new TextField("PO");
    final IntegerField line = new IntegerField("Line");
    final TextField scan = new TextField("Scan (GS1-128)");
    final BigDecimalField quantity = new BigDecimalField("Quantity");
    final TextField uom = new TextField("UoM");
    final TextField lot = new TextField("Lot");
    final Span result = new Span();
    private final ExpectedReceipts expectedReceipts;
    private final Receiving receiving;

    public ReceivingView(ExpectedReceipts expectedReceipts, Receiving receiving) {
        this.expectedReceipts = expectedReceipts;
        this.receiving = receiving;
        setSizeFull();
        due.setId("receiving-due");
        dueTitle.setId("receiving-due-title");
        columns(due);
        due.setAllRowsVisible(true);
        expected.setId("receiving-expected");
        columns(expected);
        po.setId("receiving-po");
        line.setId("receiving-line");
        scan.setId("receiving-scan");
        quantity.setId("receiving-quantity");
        uom.setId("receiving-uom");
        lot.setId("receiving-lot");
        result.setId("receiving-result");
        Button receive = new Button("Receive", e -> receive());
        receive.setId("receiving-receive");
        receive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        receive.addClickShortcut(Key.ENTER);
        HorizontalLayout form = new HorizontalLayout(scan, po, line, quantity, uom, lot, receive);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Receiving"), new H3("Receipt"), form, result, dueTitle, due, new H3("All open expected receipts"),
                expected);
        refresh();
        scan.focus();
    }

    /** The columns of a list of expected receipts; a click on a line puts it into the form, ready for the scan. */
    private void columns(Grid<ExpectedReceipt> grid) {
        grid.addColumn(e -> e.overdue() ? "OVERDUE" : "").setHeader("").setAutoWidth(true);
        grid.addColumn(ExpectedReceipt::po).setHeader("PO").setAutoWidth(true);
        grid.addColumn(ExpectedReceipt::line).setHeader("Line");
        grid.addColumn(ExpectedReceipt::supplier).setHeader("Supplier");
        grid.addColumn(ExpectedReceipt::sku).setHeader("SKU").setAutoWidth(true);
        grid.addColumn(e -> e.quantity().toPlainString() + " " + e.uom()).setHeader("Ordered");
        grid.addColumn(e -> e.open().toPlainString() + " " + e.baseUom()).setHeader("Open");
        grid.addColumn(ExpectedReceipt::dueDate).setHeader("Due");
        grid.addColumn(ExpectedReceipt::warehouse).setHeader("Warehouse");
        grid.addItemClickListener(e -> pick(e.getItem()));
    }

    /** Puts an expected receipt line into the receipt form and waits for the scan. */
    void pick(ExpectedReceipt e) {
        po.setValue(e.po());
        line.setValue(e.line());
        uom.setValue(e.uom());
        scan.focus();
    }

    void receive() {
        try {
            Receipt r = receiving.receive(new ReceiveCommand(blank(po.getValue()), line.getValue(), null,
                    quantity.getValue(), blank(uom.getValue()), blank(lot.getValue()), null, null,
                    blank(scan.getValue()), false, null, null), "console-" + UUID.randomUUID());
            result.setText("Receipt " + r.id() + ": " + r.quantity().toPlainString() + " " + r.uom() + " of " + r.sku()
                    + (r.lot() == null ? "" : " lot " + r.lot()) + " at " + r.location() + " (" + r.status() + ") — "
                    + r.state());
            scan.clear();
            quantity.clear();
            lot.clear();
            refresh();
        } catch (ApiProblem e) {
            String detail = e.getMessage() + (e.errors().isEmpty() ? "" : " " + e.errors().stream()
                    .map(f -> f.field() + ": " + f.message()).toList());
            result.setText(detail);
            Notification.show(detail, 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        List<ExpectedReceipt> today = expectedReceipts.dueToday(null, 500);
        long overdue = today.stream().filter(ExpectedReceipt::overdue).count();
        dueTitle.setText("Due today: " + (today.size() - overdue) + (overdue == 0 ? "" : ", overdue: " + overdue));
        due.setItems(today);
        expected.setItems(expectedReceipts.list(null, true, null, null, 1000).items());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
