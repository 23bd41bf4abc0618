package com.invgov.quality.ui;

import com.invgov.api.ApiProblem;
import com.invgov.quality.HoldCommand;
import com.invgov.quality.QualityHold;
import com.invgov.quality.QualityHolds;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.List;

/** Open quality holds with their held value, and a form to hold a lot or a location. */
@Route("quality")
@PageTitle("Quality · invgov")
@Menu(order = 21, title = "Quality", icon = "vaadin:doctor")
@RolesAllowed({"QUALITY", "INVENTORY_CONTROLLER", "ADMIN", "AUDITOR"})
public class QualityView extends VerticalLayout {

    final Grid<QualityHold> holds = new Grid<>(QualityHold.class, false);
    final TextField sku = new TextField("SKU");
    final TextField lot = new TextField("Lot");
    final TextField location = new TextField("Location");
    final TextField reason = new TextField("Reason");
    final Span total = new Span();
    private final QualityHolds service;

    public QualityView(QualityHolds service) {
        this.service = service;
        setSizeFull();
        holds.setId("quality-holds");
        holds.addColumn(QualityHold::id).setHeader("Hold").setAutoWidth(true);
        holds.addColumn(QualityHold::source).setHeader("Source");
        holds.addColumn(h -> h.sku() == null ? "" : h.sku()).setHeader("SKU").setAutoWidth(true);
        holds.addColumn(h -> h.lot() == null ? "" : h.lot()).setHeader("Lot");
        holds.addColumn(h -> h.location() == null ? "" : h.location()).setHeader("Location");
        holds.addColumn(h -> h.lines().stream().map(QualityHold.Line::remaining).reduce(BigDecimal.ZERO,
                BigDecimal::add).toPlainString()).setHeader("Held quantity");
        holds.addColumn(h -> h.heldValue().toPlainString()).setHeader("Held value");
        holds.addColumn(h -> h.dispositions().stream().filter(d -> "PENDING_MRB".equals(d.status())).count())
                .setHeader("Awaiting MRB");
        holds.addColumn(QualityHold::reason).setHeader("Reason");
        total.setId("quality-total");
        sku.setId("quality-sku");
        lot.setId("quality-lot");
        location.setId("quality-location");
        reason.setId("quality-reason");
        Button hold = new Button("Hold", e -> hold());
        hold.setId("quality-hold");
        hold.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout form = new HorizontalLayout(sku, lot, location, reason, hold);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Quality"), new H3("Put on hold"), form, new H3("Open holds"), total, holds);
        refresh();
    }

    void hold() {
        try {
            QualityHold h = service.hold(new HoldCommand(sku.getValue(), lot.getValue(), null, location.getValue(),
                    reason.getValue()));
            Notification.show("Hold " + h.id() + " placed: " + h.lines().size() + " balance(s) in QUARANTINE");
            refresh();
        } catch (ApiProblem e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        List<QualityHold> open = service.holds("OPEN", null, 1000).items();
        holds.setItems(open);
        total.setText(open.size() + " open holds, value " + open.stream().map(QualityHold::heldValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
    }
}
