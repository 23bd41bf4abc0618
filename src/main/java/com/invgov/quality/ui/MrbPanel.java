package com.invgov.quality.ui;

import com.invgov.api.ApiProblem;
import com.invgov.quality.MrbRequest;
import com.invgov.quality.QualityHold;
import com.invgov.quality.QualityHolds;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The MRB inbox: dispositions waiting for approval that the signed-in user may decide (not their own proposals,
 * not ones they already approved, only for a role they hold); approve or reject with a comment.
 */
class MrbPanel extends VerticalLayout {

    final Grid<MrbRequest> inbox = new Grid<>(MrbRequest.class, false);
    final TextArea comment = new TextArea("Comment");
    final Button approve = new Button("Approve", e -> decide(true));
    final Button reject = new Button("Reject", e -> decide(false));
    final Span result = new Span();
    private final QualityHolds service;
    private final Runnable changed;

    MrbPanel(QualityHolds service, Runnable changed) {
        this.service = service;
        this.changed = changed;
        setPadding(false);
        inbox.setId("mrb-inbox");
        inbox.addColumn(MrbRequest::holdId).setHeader("Hold").setAutoWidth(true);
        inbox.addColumn(MrbRequest::disposition).setHeader("Disposition").setAutoWidth(true);
        inbox.addColumn(r -> r.sku() + (r.lot() == null ? "" : " lot " + r.lot())).setHeader("Stock")
                .setAutoWidth(true);
        inbox.addColumn(MrbRequest::location).setHeader("Location");
        inbox.addColumn(r -> r.quantity().toPlainString() + " " + r.uom()).setHeader("Quantity");
        inbox.addColumn(r -> r.value().toPlainString()).setHeader("Value");
        inbox.addColumn(MrbPanel::approvals).setHeader("Approvals").setAutoWidth(true);
        inbox.addColumn(MrbRequest::proposedBy).setHeader("Proposed by");
        inbox.addColumn(r -> r.comment() == null ? "" : r.comment()).setHeader("Why");
        inbox.addColumn(MrbRequest::holdReason).setHeader("Hold reason");
        inbox.setAllRowsVisible(true);
        comment.setId("mrb-comment");
        comment.setWidth("30em");
        approve.setId("mrb-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        reject.setId("mrb-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        result.setId("mrb-result");
        HorizontalLayout actions = new HorizontalLayout(comment, approve, reject);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(inbox, actions, result);
        refresh();
    }

    /** "QUALITY: quinn ✓, INVENTORY_CONTROLLER: open". */
    static String approvals(MrbRequest r) {
        return r.approverRoles().stream().map(role -> role + ": " + r.approvals().stream()
                .filter(a -> a.role().equals(role)).findFirst().map(QualityHold.Approval::by).orElse("open"))
                .collect(Collectors.joining(", "));
    }

    void refresh() {
        List<MrbRequest> open = service.mrbInbox();
        inbox.setItems(open);
    }

    int openCount() {
        return service.mrbInbox().size();
    }

    void decide(boolean approved) {
        MrbRequest r = inbox.getSelectedItems().stream().findFirst().orElse(null);
        if (r == null) {
            result.setText("Select a disposition first.");
            return;
        }
        try {
            QualityHold hold = service.decideMrb(r.dispositionId(), approved, comment.getValue());
            String status = hold.dispositions().stream().filter(d -> d.id().equals(r.dispositionId()))
                    .map(QualityHold.DispositionView::status).findFirst().orElse("");
            result.setText((approved ? "Approved " : "Rejected ") + r.disposition() + " of hold " + r.holdId()
                    + ": " + status);
            comment.clear();
            refresh();
            changed.run();
        } catch (ApiProblem e) {
            result.setText(Problems.text(e));
            Problems.show(e);
            refresh();
        }
    }
}
