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

import java.util.UUID;

/**
 * The dock: open expected receipts (overdue first flagged), and a scan-first receipt form: pick a line, scan the
 * GS1-128 label (or type lot and quantity), receive. A bad scan says which part is wrong.
 */
@Route("receiving")
@PageTitle("Receiving · invgov")
@Menu(order = 20, title = "Receiving", icon = "vaadin:truck")
@RolesAllowed({"OPERATOR", "PLANNER", "ADMIN"})
public class ReceivingView extends VerticalLayout {

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
        expected.setId("receiving-expected");
        expected.addColumn(e -> e.overdue() ? "OVERDUE" : "").setHeader("").setAutoWidth(true);
        expected.addColumn(ExpectedReceipt::po).setHeader("PO").setAutoWidth(true);
        expected.addColumn(ExpectedReceipt::line).setHeader("Line");
        expected.addColumn(ExpectedReceipt::supplier).setHeader("Supplier");
        expected.addColumn(ExpectedReceipt::sku).setHeader("SKU").setAutoWidth(true);
        expected.addColumn(e -> e.quantity().toPlainString() + " " + e.uom()).setHeader("Ordered");
        expected.addColumn(e -> e.open().toPlainString() + " " + e.baseUom()).setHeader("Open");
        expected.addColumn(ExpectedReceipt::dueDate).setHeader("Due");
        expected.addColumn(ExpectedReceipt::warehouse).setHeader("Warehouse");
        expected.addItemClickListener(e -> {
            po.setValue(e.getItem().po());
            line.setValue(e.getItem().line());
            uom.setValue(e.getItem().uom());
            scan.focus();
        });
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
        HorizontalLayout form = new HorizontalLayout(po, line, scan, quantity, uom, lot, receive);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Receiving"), new H3("Receipt"), form, result, new H3("Open expected receipts"), expected);
        refresh();
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
        expected.setItems(expectedReceipts.list(null, true, null, null, 1000).items());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
