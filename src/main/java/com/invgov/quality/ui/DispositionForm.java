package com.invgov.quality.ui;

import com.invgov.api.ApiProblem;
import com.invgov.quality.DispositionCommand;
import com.invgov.quality.DispositionPreview;
import com.invgov.quality.QualityHold;
import com.invgov.quality.QualityHolds;
import com.invgov.rules.model.Disposition;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

import java.math.BigDecimal;

/**
 * Disposes of part of a hold line: RELEASE, REWORK, SCRAP, RETURN_TO_VENDOR or USE_AS_IS of a quantity up to what
 * is left, showing before it is proposed whether {@code quality-disposition} will send it to the MRB.
 */
class DispositionForm extends VerticalLayout {

    final H4 title = new H4();
    final ComboBox<QualityHold.Line> line = new ComboBox<>("Held stock");
    final ComboBox<Disposition> disposition = new ComboBox<>("Disposition");
    final BigDecimalField quantity = new BigDecimalField("Quantity");
    final TextField comment = new TextField("Comment");
    final Span mrb = new Span();
    final Button submit = new Button("Propose disposition", e -> submit());
    final Span result = new Span();
    private final QualityHolds service;
    private final boolean mayDispose;
    private final Runnable changed;
    private QualityHold hold;

    DispositionForm(QualityHolds service, boolean mayDispose, Runnable changed) {
        this.service = service;
        this.mayDispose = mayDispose;
        this.changed = changed;
        setPadding(false);
        setId("disposition-form");
        line.setId("disposition-line");
        line.setItemLabelGenerator(l -> l.sku() + (l.lot() == null ? "" : " lot " + l.lot())
                + (l.serial() == null ? "" : " SN " + l.serial()) + " at " + l.location() + ": "
                + l.remaining().toPlainString() + " " + l.uom() + " left");
        line.setWidth("28em");
        disposition.setId("disposition-type");
        disposition.setItems(Disposition.values());
        quantity.setId("disposition-quantity");
        comment.setId("disposition-comment");
        mrb.setId("disposition-mrb");
        submit.setId("disposition-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("disposition-result");
        line.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                quantity.setValue(e.getValue().remaining());
            }
            preview();
        });
        disposition.addValueChangeListener(e -> preview());
        quantity.addValueChangeListener(e -> preview());
        HorizontalLayout fields = new HorizontalLayout(line, disposition, quantity, comment, submit);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        add(title, fields, mrb, result);
        show(null);
    }

    /** Shows the form for a hold (null: none selected). */
    void show(QualityHold selected) {
        hold = selected;
        setVisible(selected != null);
        result.setText("");
        if (selected == null) {
            return;
        }
        title.setText("Disposition of hold " + selected.id() + " (" + selected.reason() + ")");
        var open = selected.lines().stream().filter(l -> l.remaining().signum() > 0).toList();
        line.setItems(open);
        line.setValue(open.size() == 1 ? open.get(0) : null);
        boolean awaitingMrb = selected.dispositions().stream().anyMatch(d -> "PENDING_MRB".equals(d.status()));
        submit.setEnabled(mayDispose && !awaitingMrb && !open.isEmpty());
        if (awaitingMrb) {
            mrb.setText("A disposition of this hold waits for MRB approval; the next one follows its decision.");
        } else {
            preview();
        }
    }

    /** Says whether the chosen disposition will need MRB approval, and its value. */
    void preview() {
        QualityHold.Line l = line.getValue();
        BigDecimal q = quantity.getValue();
        if (hold == null || l == null || disposition.getValue() == null || q == null || q.signum() <= 0) {
            mrb.setText("Choose the held stock, a disposition and a quantity.");
            return;
        }
        if (q.compareTo(l.remaining()) > 0) {
            mrb.setText("Only " + l.remaining().toPlainString() + " " + l.uom() + " are left to dispose of.");
            return;
        }
        try {
            DispositionPreview p = service.previewDisposition(hold.id(), l.id(), disposition.getValue(), q);
            mrb.setText((p.mrbRequired()
                    ? "MRB approval required (" + String.join(", ", p.approverRoles()) + ") before posting"
                    : "No MRB approval needed: posted at once") + " — value " + p.value().toPlainString()
                    + " (quality-disposition v" + p.ruleVersion() + ")");
        } catch (ApiProblem e) {
            mrb.setText(Problems.text(e));
        }
    }

    void submit() {
        if (hold == null || line.getValue() == null) {
            result.setText("Choose the held stock to dispose of.");
            return;
        }
        try {
            QualityHold after = service.dispose(hold.id(), new DispositionCommand(line.getValue().id(),
                    disposition.getValue(), quantity.getValue(), comment.getValue()));
            QualityHold.DispositionView d = after.dispositions().get(after.dispositions().size() - 1);
            String done = d.disposition() + " of " + d.quantity().toPlainString() + " " + line.getValue().uom();
            comment.clear();
            quantity.clear();
            changed.run();
            result.setText("PENDING_MRB".equals(d.status())
                    ? done + " waits for MRB approval (" + String.join(", ", d.approverRoles()) + ")"
                    : done + " posted" + ("CLOSED".equals(after.status()) ? "; hold " + after.id() + " closed" : ""));
        } catch (ApiProblem e) {
            result.setText(Problems.text(e));
            Problems.show(e);
        }
    }
}
