package com.invgov.inventory.ui;

import com.invgov.inventory.Balance;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.StockFilter;
import com.invgov.inventory.StockStatus;
import com.invgov.inventory.Warehouse;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Balances by item, location, warehouse, status and lot. The grid fetches pages on demand, no count, each
 * page continuing after the last row of the page before (keyset paging, {@link KeysetPages}), so it stays
 * fast on 100k balance rows.
 */
@Route("stock")
@PageTitle("Stock · invgov")
@Menu(order = 10, title = "Stock", icon = "vaadin:stock")
@RolesAllowed({"OPERATOR", "QUALITY", "INVENTORY_CONTROLLER", "FINANCE", "ENGINEER", "PLANNER", "ADMIN", "AUDITOR",
        "INTEGRATION"})
public class StockView extends VerticalLayout {

    final TextField sku = filter("stock-filter-sku", "SKU");
    final TextField location = filter("stock-filter-location", "Location");
    final ComboBox<String> warehouse = new ComboBox<>("Warehouse");
    final ComboBox<StockStatus> status = new ComboBox<>("Status", StockStatus.values());
    final TextField lot = filter("stock-filter-lot", "Lot");
    final Grid<Balance> grid = new Grid<>(Balance.class, false);
    private final Ledger ledger;

    public StockView(Ledger ledger, MasterData masterData) {
        this.ledger = ledger;
        setSizeFull();
        warehouse.setId("stock-filter-warehouse");
        warehouse.setItems(masterData.warehouses(null, null, 1000).items().stream().map(Warehouse::code).toList());
        warehouse.setClearButtonVisible(true);
        warehouse.addValueChangeListener(e -> refresh());
        status.setId("stock-filter-status");
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> refresh());

        grid.setId("stock-grid");
        grid.addColumn(Balance::sku).setHeader("SKU").setSortable(false).setAutoWidth(true);
        grid.addColumn(Balance::location).setHeader("Location").setAutoWidth(true);
        grid.addColumn(Balance::warehouse).setHeader("Warehouse").setAutoWidth(true);
        grid.addColumn(b -> b.lot() == null ? "" : b.lot()).setHeader("Lot");
        grid.addColumn(b -> b.serial() == null ? "" : b.serial()).setHeader("Serial");
        grid.addColumn(Balance::status).setHeader("Status");
        grid.addColumn(b -> b.quantity().toPlainString()).setHeader("Quantity").setTextAlign(
                com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(b -> b.reserved().toPlainString()).setHeader("Reserved").setTextAlign(
                com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(Balance::uom).setHeader("UoM");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ItemView.class, e.getItem().sku())));
        grid.setSizeFull();

        HorizontalLayout filters = new HorizontalLayout(sku, location, warehouse, status, lot);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Stock"), filters, grid);
        refresh();
    }

    StockFilter currentFilter() {
        return new StockFilter(blankToNull(sku.getValue()), blankToNull(location.getValue()), warehouse.getValue(),
                status.getValue(), blankToNull(lot.getValue()));
    }

    private void refresh() {
        StockFilter filter = currentFilter();
        KeysetPages<Balance> pages = new KeysetPages<>((after, skip, limit) -> ledger.stockAfter(filter, after, skip, limit));
        grid.setItems(query -> pages.page(query.getOffset(), query.getLimit()).stream());
    }

    private TextField filter(String id, String label) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> refresh());
        return field;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
