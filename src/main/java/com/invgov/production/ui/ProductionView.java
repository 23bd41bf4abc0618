package com.invgov.production.ui;

import com.invgov.api.ApiProblem;
import com.invgov.production.Completion;
import com.invgov.production.Production;
import com.invgov.production.ProductionOrder;
import com.invgov.production.ScrapReport;
import com.invgov.receiving.InvalidBarcode;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The production console: the list of production orders (status, item, BOM revision, quantity, produced, scrapped);
 * planners open orders; for the selected order an operator issues components (a keyboard-wedge scan fills SKU and
 * lot), reports completions with backflush on or off, and reports scrap with a reason.
 */
@Route("production")
@PageTitle("Production · invgov")
@Menu(order = 23, title = "Production", icon = "vaadin:factory")
@RolesAllowed({"OPERATOR", "PLANNER", "ADMIN", "QUALITY"})
public class ProductionView extends VerticalLayout {

    final Grid<ProductionOrder.Summary> orders = new Grid<>(ProductionOrder.Summary.class, false);
    final Span result = new Span();
    final Span selected = new Span();

    final TextField newSku = new TextField("Item");
    final TextField newRevision = new TextField("BOM revision");
    final BigDecimalField newQuantity = new BigDecimalField("Quantity");
    final TextField newIssueLocation = new TextField("Issue location (optional)");
    final Button create = new Button("Open order", e -> create());

    final TextField scan = new TextField("Scan label");
    final TextField issueSku = new TextField("Component");
    final TextField issueLot = new TextField("Lot");
    final TextField issueSerial = new TextField("Serial");
    final BigDecimalField issueQuantity = new BigDecimalField("Quantity");
    final TextField issueUom = new TextField("UoM");
    final TextField issueLocation = new TextField("From location");
    final Button issue = new Button("Issue", e -> issue());

    final BigDecimalField doneQuantity = new BigDecimalField("Quantity");
    final TextField doneUom = new TextField("UoM");
    final TextField doneLot = new TextField("Lot");
    final TextField doneSerials = new TextField("Serials (space separated)");
    final TextField doneLocation = new TextField("To location");
    final Checkbox backflush = new Checkbox("Backflush components", true);
    final Checkbox close = new Checkbox("Order complete");
    final Button complete = new Button("Report completion", e -> complete());

    final TextField scrapSku = new TextField("Item or component");
    final TextField scrapLot = new TextField("Lot");
    final BigDecimalField scrapQuantity = new BigDecimalField("Quantity");
    final TextField scrapUom = new TextField("UoM");
    final TextField scrapLocation = new TextField("Location");
    final Select<String> scrapReason = new Select<>();
    final Button scrap = new Button("Report scrap", e -> scrap());

    final HorizontalLayout createForm = row(newSku, newRevision, newQuantity, newIssueLocation, create);
    final VerticalLayout actions = new VerticalLayout();
    private final Production production;
    private final Clock clock;
    private ProductionOrder.Summary order;

    public ProductionView(Production production, CurrentUser user, Clock clock) {
        this.production = production;
        this.clock = clock;
        setSizeFull();
        result.setId("production-result");
        selected.setId("production-selected");
        orders.setId("production-orders");
        orders.addColumn(o -> "MO-" + o.id()).setHeader("Order").setAutoWidth(true);
        orders.addColumn(ProductionOrder.Summary::status).setHeader("Status");
        orders.addColumn(ProductionOrder.Summary::sku).setHeader("Item").setAutoWidth(true);
        orders.addColumn(ProductionOrder.Summary::bomRevision).setHeader("BOM rev");
        orders.addColumn(o -> o.quantity().toPlainString()).setHeader("Quantity");
        orders.addColumn(o -> o.produced().toPlainString()).setHeader("Produced");
        orders.addColumn(o -> o.scrapped().toPlainString()).setHeader("Scrapped");
        orders.addColumn(o -> o.issueLocation() == null ? "" : o.issueLocation()).setHeader("Issue location");
        orders.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        ids();
        scan.addValueChangeListener(e -> readScan(e.getValue()));
        scrapReason.setLabel("Reason");
        scrapReason.setItems(production.scrapReasons());
        for (Button b : List.of(create, issue, complete, scrap)) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        createForm.setVisible(user.hasAnyRole(Role.PLANNER, Role.ADMIN));
        boolean reports = user.hasAnyRole(Role.OPERATOR, Role.INTEGRATION, Role.ADMIN);
        actions.setPadding(false);
        actions.add(selected, new H3("Issue a component"), row(scan, issueSku, issueLot, issueSerial, issueQuantity,
                        issueUom, issueLocation, issue),
                new H3("Report a completion"), row(doneQuantity, doneUom, doneLot, doneSerials, doneLocation,
                        backflush, close, complete),
                new H3("Report scrap"), row(scrapSku, scrapLot, scrapQuantity, scrapUom, scrapLocation, scrapReason,
                        scrap));
        actions.setVisible(false);
        actions.setEnabled(reports);
        add(new H2("Production"), createForm, result, orders, actions);
        refresh();
    }

    void create() {
        run(() -> {
            ProductionOrder o = production.create(trim(newSku.getValue()), trim(newRevision.getValue()),
                    newQuantity.getValue(), trim(newIssueLocation.getValue()));
            newSku.clear();
            newQuantity.clear();
            return "Opened MO-" + o.id() + ": " + o.quantity().toPlainString() + " of " + o.sku() + " rev "
                    + o.bomRevision();
        });
    }

    /** A keyboard-wedge scan: fills component, lot, serial and quantity, then the operator confirms. */
    void readScan(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            ComponentScan s = ComponentScan.read(value, LocalDate.now(clock));
            issueSku.setValue(s.sku() == null ? "" : s.sku());
            issueLot.setValue(s.lot() == null ? "" : s.lot());
            issueSerial.setValue(s.serial() == null ? "" : s.serial());
            if (s.quantity() != null) {
                issueQuantity.setValue(s.quantity());
            }
            result.setText("Scanned " + s.sku() + (s.lot() == null ? "" : " lot " + s.lot())
                    + (s.serial() == null ? "" : " serial " + s.serial()));
            issueQuantity.focus();
        } catch (InvalidBarcode e) {
            result.setText("Bad scan: " + e.getMessage());
        }
    }

    void issue() {
        run(() -> {
            ProductionOrder o = production.issue(order.id(), trim(issueSku.getValue()), trim(issueLot.getValue()),
                    trim(issueSerial.getValue()), issueQuantity.getValue(), trim(issueUom.getValue()),
                    trim(issueLocation.getValue()), "console-" + UUID.randomUUID());
            String text = "Issued " + issueQuantity.getValue().toPlainString() + " " + trim(issueUom.getValue())
                    + " of " + trim(issueSku.getValue()) + " to MO-" + o.id();
            scan.clear();
            issueLot.clear();
            issueSerial.clear();
            issueQuantity.clear();
            scan.focus();
            return text;
        });
    }

    void complete() {
        run(() -> {
            String serials = trim(doneSerials.getValue());
            List<String> list = serials == null ? List.of() : Arrays.asList(serials.split("[\\s,;]+"));
            ProductionOrder before = production.order(order.id());
            ProductionOrder o = production.complete(order.id(), new Completion(doneQuantity.getValue(),
                    trim(doneUom.getValue()), trim(doneLot.getValue()), list, trim(doneLocation.getValue()),
                    backflush.getValue(), close.getValue()), "console-" + UUID.randomUUID());
            long consumed = o.flows().stream().filter(ProductionOrder.Flow::backflush).count()
                    - before.flows().stream().filter(ProductionOrder.Flow::backflush).count();
            doneLot.clear();
            doneSerials.clear();
            return "MO-" + o.id() + ": produced " + o.produced().toPlainString() + " of "
                    + o.quantity().toPlainString() + (backflush.getValue() ? ", " + consumed
                    + " component lots backflushed" : "") + " — " + o.status();
        });
    }

    void scrap() {
        run(() -> {
            ProductionOrder o = production.scrap(order.id(), new ScrapReport(trim(scrapSku.getValue()),
                    trim(scrapLot.getValue()), null, scrapQuantity.getValue(), trim(scrapUom.getValue()),
                    trim(scrapLocation.getValue()), scrapReason.getValue()), "console-" + UUID.randomUUID());
            ProductionOrder.Scrap last = o.scraps().get(o.scraps().size() - 1);
            return "Scrapped " + last.quantity().toPlainString() + " of " + last.sku() + " (" + last.reasonCode()
                    + ") on MO-" + o.id();
        });
    }

    private void select(ProductionOrder.Summary summary) {
        if (summary != null) {
            order = summary;
            selected.setText("MO-" + summary.id() + " · " + summary.sku() + " rev " + summary.bomRevision() + " · "
                    + summary.status());
            doneUom.setValue("EA");
            if (scrapSku.isEmpty()) {
                scrapSku.setValue(summary.sku());
            }
        }
        actions.setVisible(order != null);
    }

    private void run(java.util.function.Supplier<String> action) {
        try {
            result.setText(action.get());
            refresh();
        } catch (ApiProblem e) {
            result.setText(e.getMessage() + (e.errors().isEmpty() ? "" : " " + e.errors().stream()
                    .map(f -> f.field() + ": " + f.message()).toList()));
        }
    }

    private void refresh() {
        String keep = order == null ? null : order.id();
        List<ProductionOrder.Summary> list = production.orders(null, 200);
        orders.setItems(list);
        if (keep != null) {
            list.stream().filter(o -> o.id().equals(keep)).findFirst().ifPresent(o -> {
                order = o;
                orders.select(o);
            });
        }
    }

    private void ids() {
        newSku.setId("production-new-sku");
        newRevision.setId("production-new-revision");
        newQuantity.setId("production-new-quantity");
        newIssueLocation.setId("production-new-issue-location");
        create.setId("production-create");
        scan.setId("production-scan");
        issueSku.setId("production-issue-sku");
        issueLot.setId("production-issue-lot");
        issueSerial.setId("production-issue-serial");
        issueQuantity.setId("production-issue-quantity");
        issueUom.setId("production-issue-uom");
        issueLocation.setId("production-issue-location");
        issue.setId("production-issue");
        doneQuantity.setId("production-done-quantity");
        doneUom.setId("production-done-uom");
        doneLot.setId("production-done-lot");
        doneSerials.setId("production-done-serials");
        doneLocation.setId("production-done-location");
        backflush.setId("production-backflush");
        close.setId("production-close");
        complete.setId("production-complete");
        scrapSku.setId("production-scrap-sku");
        scrapLot.setId("production-scrap-lot");
        scrapQuantity.setId("production-scrap-quantity");
        scrapUom.setId("production-scrap-uom");
        scrapLocation.setId("production-scrap-location");
        scrapReason.setId("production-scrap-reason");
        scrap.setId("production-scrap");
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
