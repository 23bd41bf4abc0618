package com.invgov.adjustment.ui;

import com.invgov.adjustment.Adjustment;
import com.invgov.adjustment.Adjustments;
import com.invgov.adjustment.TaskView;
import com.invgov.api.ApiProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;

/**
 * The approvals inbox of controllers, finance and quality: the adjustments waiting for one of the user's roles,
 * with variance, value and the rules that fired; approve, or reject with a comment. Segregation of duties hides
 * what the user counted, recounted, requested or approved already.
 */
@Route("approvals")
@PageTitle("Approvals · invgov")
@Menu(order = 21, title = "Approvals", icon = "vaadin:check-square-o")
@RolesAllowed({"INVENTORY_CONTROLLER", "FINANCE", "QUALITY", "ADMIN"})
public class ApprovalsView extends VerticalLayout {

    /** One line of the inbox. */
    public record Row(TaskView task, Adjustment adjustment) {
        public String sku() {
            return adjustment.sku();
        }

        public String location() {
            return adjustment.location();
        }

        public String delta() {
            return adjustment.quantityDelta().stripTrailingZeros().toPlainString();
        }

        public String value() {
            return adjustment.value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }

        public String role() {
            return String.join(", ", task.candidateRoles());
        }

        public String why() {
            return String.join("; ", adjustment.decision().firedRules()) + (adjustment.escalated() ? " · OVERDUE" : "");
        }
    }

    final Grid<Row> grid = new Grid<>();
    final TextArea comment = new TextArea("Comment (required to reject)");
    final Button approve = new Button("Approve");
    final Button reject = new Button("Reject");
    final Span result = new Span();
    private final Adjustments adjustments;

    public ApprovalsView(Adjustments adjustments) {
        this.adjustments = adjustments;
        grid.setId("approvals-grid");
        grid.addColumn(Row::sku).setHeader("SKU");
        grid.addColumn(Row::location).setHeader("Location");
        grid.addColumn(Row::delta).setHeader("Δ qty");
        grid.addColumn(Row::value).setHeader("Value");
        grid.addColumn(Row::role).setHeader("As");
        grid.addColumn(Row::why).setHeader("Rules that fired");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        comment.setId("approvals-comment");
        approve.setId("approvals-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reject.setId("approvals-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        result.setId("approvals-result");
        approve.addClickListener(e -> decide(true));
        reject.addClickListener(e -> decide(false));
        add(new H2("Approvals"), grid, comment, new HorizontalLayout(approve, reject), result);
        refresh();
    }

    void refresh() {
        List<Row> rows = new ArrayList<>();
        for (TaskView t : adjustments.myTasks(500)) {
            if ("adjustment".equals(t.subject().type()) && "approve".equals(t.taskKey())) {
                rows.add(new Row(t, adjustments.adjustment(t.businessKey())));
            }
        }
        grid.setItems(rows);
    }

    /** Approves (or rejects) every selected line; a rejection needs the comment. */
    void decide(boolean approved) {
        int done = 0;
        List<String> problems = new ArrayList<>();
        for (Row row : grid.getSelectedItems()) {
            try {
                adjustments.complete(row.task().id(), approved, comment.getValue());
                done++;
            } catch (ApiProblem e) {
                problems.add(row.sku() + ": " + e.getMessage());
            }
        }
        result.setText((approved ? "Approved " : "Rejected ") + done + (problems.isEmpty() ? ""
                : " · refused: " + String.join("; ", problems)));
        comment.clear();
        refresh();
    }
}
