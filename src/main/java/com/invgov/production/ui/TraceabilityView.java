package com.invgov.production.ui;

import com.invgov.api.ApiProblem;
import com.invgov.production.Production;
import com.invgov.production.Trace;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.stream.Collectors;

/**
 * Traceability of a lot or a serial for a recall: what went into it (component lots, their receipts and suppliers), what was
 * made from it, where it and its products are now, and what was shipped.
 */
@Route("traceability")
@PageTitle("Traceability · invgov")
@Menu(order = 22, title = "Traceability", icon = "vaadin:sitemap")
@RolesAllowed({"QUALITY", "INVENTORY_CONTROLLER", "PLANNER", "ENGINEER", "ADMIN", "AUDITOR"})
public class TraceabilityView extends VerticalLayout {

    final TextField sku = new TextField("SKU");
    final RadioButtonGroup<String> by = new RadioButtonGroup<>("Trace by");
    final TextField lot = new TextField("Lot");
    final TextField serial = new TextField("Serial");
    final Span message = new Span();
    final Grid<Trace.Node> upstream = nodes("trace-upstream");
    final Grid<Trace.Node> downstream = nodes("trace-downstream");
    final Grid<Trace.Place> locations = new Grid<>(Trace.Place.class, false);
    final Grid<Trace.Shipment> shipments = new Grid<>(Trace.Shipment.class, false);
    private static final String LOT = "Lot";
    private static final String SERIAL = "Serial";
    private final Production production;

    public TraceabilityView(Production production) {
        this.production = production;
        setSizeFull();
        sku.setId("trace-sku");
        lot.setId("trace-lot");
        serial.setId("trace-serial");
        by.setId("trace-by");
        by.setItems(LOT, SERIAL);
        by.setValue(LOT);
        serial.setVisible(false);
        by.addValueChangeListener(e -> {
            lot.setVisible(!SERIAL.equals(e.getValue()));
            serial.setVisible(SERIAL.equals(e.getValue()));
        });
        message.setId("trace-message");
        Button trace = new Button("Trace", e -> trace());
        trace.setId("trace-run");
        trace.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        trace.addClickShortcut(Key.ENTER);
        locations.setId("trace-locations");
        locations.addColumn(Trace.Place::sku).setHeader("SKU");
        locations.addColumn(Trace.Place::lot).setHeader("Lot");
        locations.addColumn(Trace.Place::serial).setHeader("Serial");
        locations.addColumn(Trace.Place::location).setHeader("Location");
        locations.addColumn(Trace.Place::status).setHeader("Status");
        locations.addColumn(p -> p.quantity().toPlainString()).setHeader("Quantity");
        locations.setAllRowsVisible(true);
        shipments.setId("trace-shipments");
        shipments.addColumn(Trace.Shipment::sku).setHeader("SKU");
        shipments.addColumn(Trace.Shipment::lot).setHeader("Lot");
        shipments.addColumn(Trace.Shipment::serial).setHeader("Serial");
        shipments.addColumn(Trace.Shipment::reference).setHeader("Reference");
        shipments.addColumn(s -> s.quantity().toPlainString()).setHeader("Quantity");
        shipments.addColumn(Trace.Shipment::from).setHeader("From");
        shipments.addColumn(Trace.Shipment::at).setHeader("When");
        shipments.setAllRowsVisible(true);
        HorizontalLayout form = new HorizontalLayout(by, sku, lot, serial, trace);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Traceability"), form, message, new H3("Upstream: what went into it"), upstream,
                new H3("Downstream: what was made from it"), downstream, new H3("Where it is now"), locations,
                new H3("Shipped"), shipments);
    }

    void trace() {
        try {
            boolean bySerial = SERIAL.equals(by.getValue());
            Trace t = production.trace(sku.getValue().trim(), bySerial ? null : lot.getValue().trim(),
                    bySerial ? serial.getValue().trim() : null);
            upstream.setItems(t.upstream());
            downstream.setItems(t.downstream());
            locations.setItems(t.locations());
            shipments.setItems(t.shipments());
            String what = t.serial() != null ? " serial " + t.serial() : " lot " + t.lot();
            message.setText(t.sku() + what + ": received " + t.receipts().stream()
                    .map(r -> (r.po() == null ? "unplanned" : r.po() + "/" + r.line()) + " from " + r.supplier())
                    .collect(Collectors.joining(", ")) + "; " + t.downstream().size() + " lots made from it, "
                    + t.shipments().size() + " shipments");
        } catch (ApiProblem e) {
            message.setText(e.getMessage());
        }
    }

    private static Grid<Trace.Node> nodes(String id) {
        Grid<Trace.Node> grid = new Grid<>(Trace.Node.class, false);
        grid.setId(id);
        grid.addColumn(Trace.Node::depth).setHeader("Level");
        grid.addColumn(Trace.Node::sku).setHeader("SKU");
        grid.addColumn(Trace.Node::lot).setHeader("Lot");
        grid.addColumn(Trace.Node::serial).setHeader("Serial");
        grid.addColumn(Trace.Node::productionOrder).setHeader("Production order");
        grid.addColumn(n -> n.quantity().toPlainString()).setHeader("Quantity");
        grid.addColumn(n -> n.receipts().stream().map(r -> r.supplier() + (r.po() == null ? "" : " " + r.po()))
                .collect(Collectors.joining(", "))).setHeader("Received from");
        grid.setAllRowsVisible(true);
        return grid;
    }
}
