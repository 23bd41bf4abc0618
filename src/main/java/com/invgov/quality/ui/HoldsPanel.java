package com.invgov.quality.ui;

import com.invgov.api.ApiProblem;
import com.invgov.quality.HoldCommand;
import com.invgov.quality.OpenHold;
import com.invgov.quality.QualityHold;
import com.invgov.quality.QualityHolds;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import java.math.BigDecimal;
import java.util.List;

/**
 * Open holds with what they keep in QUARANTINE (quantity and value), lot, location, reason, who opened them and
 * when; the disposition form of the selected hold; and a form to put a lot or a location on hold.
 */
class HoldsPanel extends VerticalLayout {

    final Grid<OpenHold> holds = new Grid<>(OpenHold.class, false);
    final Span total = new Span();
    final TextField sku = new TextField("SKU");
    final TextField lot = new TextField("Lot");
    final TextField location = new TextField("Location");
    final TextField reason = new TextField("Reason");
    final Button hold = new Button("Hold", e -> hold());
    final DispositionForm disposition;
    private final QualityHolds service;

    HoldsPanel(QualityHolds service, boolean mayDispose, Runnable changed) {
        this.service = service;
        setPadding(false);
        disposition = new DispositionForm(service, mayDispose, () -> {
            refresh();
            changed.run();
        });
        holds.setId("quality-holds");
        holds.addColumn(OpenHold::id).setHeader("Hold").setAutoWidth(true);
        holds.addColumn(OpenHold::source).setHeader("Source");
        holds.addColumn(OpenHold::skus).setHeader("SKU").setAutoWidth(true);
        holds.addColumn(h -> h.lots() == null ? "" : h.lots()).setHeader("Lot");
        holds.addColumn(OpenHold::locations).setHeader("Location").setAutoWidth(true);
        holds.addColumn(HoldsPanel::quantity).setHeader("On hold");
        holds.addColumn(h -> h.value().toPlainString()).setHeader("Value");
        holds.addColumn(OpenHold::reason).setHeader("Reason").setAutoWidth(true);
        holds.addColumn(OpenHold::createdBy).setHeader("Opened by");
        holds.addColumn(OpenHold::createdAt).setHeader("Opened at");
        holds.addColumn(h -> h.awaitingMrb() == 0 ? "" : h.awaitingMrb() + " awaiting MRB").setHeader("MRB");
        holds.setAllRowsVisible(true);
        holds.addSelectionListener(e -> disposition.show(e.getFirstSelectedItem()
                .map(h -> service.hold(h.id())).orElse(null)));
        total.setId("quality-total");
        sku.setId("quality-sku");
        lot.setId("quality-lot");
        location.setId("quality-location");
        reason.setId("quality-reason");
        hold.setId("quality-hold");
        hold.addThemeVariants(ButtonVariant.LUMO_ERROR);
        hold.setEnabled(mayDispose);
        HorizontalLayout form = new HorizontalLayout(sku, lot, location, reason, hold);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Details holdForm = new Details("Put a lot or a location on hold", form);
        add(total, holds, disposition, holdForm);
        refresh();
    }

    static String quantity(OpenHold h) {
        return h.quantity().toPlainString() + (h.uom() == null ? " (several UoMs)" : " " + h.uom());
    }

    void hold() {
        try {
            QualityHold h = service.hold(new HoldCommand(sku.getValue(), lot.getValue(), null, location.getValue(),
                    reason.getValue()));
            Notification.show("Hold " + h.id() + " placed: " + h.lines().size() + " balance(s) in QUARANTINE");
            refresh();
        } catch (ApiProblem e) {
            Problems.show(e);
        }
    }

    void refresh() {
        List<OpenHold> open = service.openHolds(1000);
        String selected = holds.getSelectedItems().stream().findFirst().map(OpenHold::id).orElse(null);
        holds.setItems(open);
        total.setText(open.size() + " open holds, value " + open.stream().map(OpenHold::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2).toPlainString());
        open.stream().filter(h -> h.id().equals(selected)).findFirst().ifPresentOrElse(holds::select,
                () -> disposition.show(null));
    }
}
