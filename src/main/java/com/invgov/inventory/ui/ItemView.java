package com.invgov.inventory.ui;

import com.invgov.inventory.Balance;
import com.invgov.inventory.Item;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Movement;
import com.invgov.inventory.StockFilter;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;
import java.util.stream.Collectors;

/** One item: its master data, its balances, and its ledger newest first. */
@Route("item")
@PageTitle("Item · invgov")
@Menu(order = 11, title = "Item", icon = "vaadin:package")
@RolesAllowed({"OPERATOR", "QUALITY", "INVENTORY_CONTROLLER", "FINANCE", "ENGINEER", "PLANNER", "ADMIN", "AUDITOR",
        "INTEGRATION"})
public class ItemView extends VerticalLayout implements HasUrlParameter<String> {

    final TextField sku = new TextField("SKU");
    final Span summary = new Span();
    final Grid<Balance> balances = new Grid<>(Balance.class, false);
    final Grid<Movement> ledgerGrid = new Grid<>(Movement.class, false);
    private final Ledger ledger;
    private final MasterData masterData;

    public ItemView(Ledger ledger, MasterData masterData) {
        this.ledger = ledger;
        this.masterData = masterData;
        sku.setId("item-sku");
        sku.setPlaceholder("Scan or type a SKU");
        sku.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> show(sku.getValue()));
        sku.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                show(e.getValue());
            }
        });
        summary.setId("item-summary");

        balances.setId("item-balances");
        balances.addColumn(Balance::location).setHeader("Location").setAutoWidth(true);
        balances.addColumn(b -> b.lot() == null ? "" : b.lot()).setHeader("Lot");
        balances.addColumn(b -> b.serial() == null ? "" : b.serial()).setHeader("Serial");
        balances.addColumn(Balance::status).setHeader("Status");
        balances.addColumn(b -> b.quantity().toPlainString()).setHeader("Quantity");
        balances.addColumn(b -> b.reserved().toPlainString()).setHeader("Reserved");
        balances.setHeight("240px");

        ledgerGrid.setId("item-ledger");
        ledgerGrid.addColumn(Movement::id).setHeader("#");
        ledgerGrid.addColumn(Movement::eventTime).setHeader("Event time").setAutoWidth(true);
        ledgerGrid.addColumn(Movement::type).setHeader("Type");
        ledgerGrid.addColumn(m -> m.quantity().toPlainString() + " " + m.uom()).setHeader("Quantity");
        ledgerGrid.addColumn(m -> m.from().location() + " " + m.from().status()).setHeader("From").setAutoWidth(true);
        ledgerGrid.addColumn(m -> m.to().location() + " " + m.to().status()).setHeader("To").setAutoWidth(true);
        ledgerGrid.addColumn(m -> m.lot() != null ? m.lot() : m.serial() != null ? m.serial() : "").setHeader("Lot/serial");
        ledgerGrid.addColumn(Movement::reference).setHeader("Reference");
        ledgerGrid.addColumn(Movement::postedBy).setHeader("By");
        ledgerGrid.addColumn(Movement::postedAt).setHeader("Posted").setAutoWidth(true);

        add(new H2("Item"), sku, summary, new H3("Balances"), balances, new H3("Ledger (newest first)"), ledgerGrid);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        if (parameter != null) {
            sku.setValue(parameter);
            show(parameter);
        }
    }

    void show(String code) {
        Optional<Item> item = masterData.findItem(code == null ? null : code.trim());
        if (item.isEmpty()) {
            summary.setText(code == null || code.isBlank() ? "" : "No item " + code);
            balances.setItems(java.util.List.of());
            ledgerGrid.setItems(java.util.List.of());
            return;
        }
        Item i = item.get();
        String conversions = i.uomConversions().stream().map(c -> c.uom() + " = " + c.factor().toPlainString() + " " + i.baseUom())
                .collect(Collectors.joining(", "));
        summary.setText(i.sku() + " · " + i.description() + " · base " + i.baseUom()
                + (conversions.isEmpty() ? "" : " (" + conversions + ")") + " · " + i.tracking() + " · ABC " + i.abcClass()
                + (i.regulated() ? " · regulated" : ""));
        StockFilter filter = new StockFilter(i.sku(), null, null, null, null);
        balances.setItems(q -> ledger.stockSlice(filter, q.getOffset(), q.getLimit()).stream());
        ledgerGrid.setItems(q -> ledger.latestMovements(i.sku(), null, q.getOffset(), q.getLimit()).stream());
    }

}
