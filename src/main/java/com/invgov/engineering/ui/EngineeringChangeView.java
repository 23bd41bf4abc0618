package com.invgov.engineering.ui;

import com.invgov.api.ApiProblem;
import com.invgov.engineering.EcoLine;
import com.invgov.engineering.EcoStatus;
import com.invgov.engineering.EngineeringChange;
import com.invgov.engineering.EngineeringChanges;
import com.invgov.engineering.Impact;
import com.invgov.engineering.RaiseEngineeringChange;
import com.invgov.engineering.StockDisposition;
import com.invgov.workflow.MyTasks;
import com.invgov.workflow.TaskItem;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Engineering change orders (DESIGN §8): the list (newest first, by status), and for the selected change its lines,
 * impact analysis (outgoing components' stock, open orders and their WIP, write-off), routing with the rules that
 * fired, approvals and disposition. An ENGINEER raises a change here; whoever holds one of the selected change's
 * tasks (the task inbox's, segregation of duties applied) approves or rejects it, or records the old stock's
 * disposition, here.
 */
@Route("engineering-changes")
@PageTitle("Engineering change · invgov")
@Menu(order = 24, title = "Engineering change", icon = "vaadin:cogs")
@RolesAllowed({"OPERATOR", "QUALITY", "INVENTORY_CONTROLLER", "FINANCE", "ENGINEER", "PLANNER", "ADMIN", "AUDITOR",
        "INTEGRATION"})
public class EngineeringChangeView extends VerticalLayout {

    static final int SHOWN = 200;

    final Select<String> statusFilter = new Select<>();
    final Grid<EngineeringChange.Summary> changes = new Grid<>(EngineeringChange.Summary.class, false);
    final Span result = new Span();
    final Div detail = new Div();
    final Grid<Impact.Outgoing> outgoing = new Grid<>(Impact.Outgoing.class, false);

    final TextField product = new TextField("Product");
    final TextField revision = new TextField("New revision (optional)");
    final DatePicker effectiveFrom = new DatePicker("Effective from (UTC)");
    final TextArea lines = new TextArea("Lines: component quantity UoM BACKFLUSH|MANUAL, one per line");
    final TextArea reason = new TextArea("Reason");
    final Button raise = new Button("Raise change", e -> raise());
    final VerticalLayout raiseForm = new VerticalLayout();

    final TextArea comment = new TextArea("Comment (required to reject)");
    final Button approve = new Button("Approve", e -> decide(true));
    final Button reject = new Button("Reject", e -> decide(false));
    final VerticalLayout approvalForm = new VerticalLayout();
    final Select<StockDisposition> disposition = new Select<>();
    final TextField dispositionNote = new TextField("Note");
    final Button dispose = new Button("Record disposition", e -> dispose());
    final HorizontalLayout dispositionForm = row(disposition, dispositionNote, dispose);

    private final EngineeringChanges service;
    private final MyTasks myTasks;
    private TaskItem task;

    public EngineeringChangeView(EngineeringChanges service, MyTasks myTasks, CurrentUser user, Clock clock) {
        this.service = service;
        this.myTasks = myTasks;
        setSizeFull();
        result.setId("eco-result");
        detail.setId("eco-detail");
        changes.setId("eco-list");
        outgoing.setId("eco-outgoing");
        product.setId("eco-product");
        revision.setId("eco-revision");
        effectiveFrom.setId("eco-effective-from");
        lines.setId("eco-lines");
        reason.setId("eco-reason");
        raise.setId("eco-raise");

        statusFilter.setLabel("Status");
        List<String> statuses = new ArrayList<>(List.of("all"));
        for (EcoStatus s : EcoStatus.values()) {
            statuses.add(s.name());
        }
        statusFilter.setItems(statuses);
        statusFilter.setValue("all");
        statusFilter.addValueChangeListener(e -> refresh());

        changes.addColumn(EngineeringChange.Summary::id).setHeader("ECO").setAutoWidth(true);
        changes.addColumn(EngineeringChange.Summary::product).setHeader("Product").setAutoWidth(true);
        changes.addColumn(s -> (s.fromRevision() == null ? "—" : s.fromRevision()) + " → " + s.toRevision())
                .setHeader("Revision");
        changes.addColumn(s -> s.effectiveFrom().toString()).setHeader("Effective from");
        changes.addColumn(s -> s.status().name()).setHeader("Status").setAutoWidth(true);
        changes.addColumn(EngineeringChange.Summary::raisedBy).setHeader("Raised by");
        changes.addColumn(s -> String.join(", ", s.approverRoles())).setHeader("Approvers").setAutoWidth(true);
        changes.addColumn(s -> money(s.obsoleteWriteOffValue())).setHeader("Write-off");
        changes.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        outgoing.addColumn(Impact.Outgoing::component).setHeader("Outgoing component").setAutoWidth(true);
        outgoing.addColumn(o -> o.dropped() ? (o.obsolete() ? "dropped, obsolete" : "dropped, used elsewhere")
                : "reduced").setHeader("Change");
        outgoing.addColumn(o -> o.onHand().toPlainString() + " " + o.baseUom()).setHeader("On hand");
        outgoing.addColumn(o -> o.onHandByStatus().entrySet().stream().filter(e -> e.getValue().signum() != 0)
                .map(e -> e.getKey() + " " + e.getValue().toPlainString()).collect(Collectors.joining(", ")))
                .setHeader("By status").setAutoWidth(true);
        outgoing.addColumn(o -> o.stock().stream().map(s -> s.location() + (s.lot() == null ? "" : " lot " + s.lot())
                + ": " + s.quantity().toPlainString()).collect(Collectors.joining("; "))).setHeader("Where");
        outgoing.addColumn(o -> money(o.onHandValue())).setHeader("Value");
        outgoing.addColumn(o -> money(o.writeOffValue())).setHeader("Write-off");
        outgoing.setAllRowsVisible(true);
        outgoing.setVisible(false);

        effectiveFrom.setValue(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        raise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        lines.setWidthFull();
        reason.setWidthFull();
        raiseForm.setPadding(false);
        raiseForm.add(new H3("Raise an engineering change"), row(product, revision, effectiveFrom), lines, reason,
                raise);
        raiseForm.setVisible(user.hasAnyRole(Role.ENGINEER));

        comment.setId("eco-comment");
        approve.setId("eco-approve");
        reject.setId("eco-reject");
        disposition.setId("eco-disposition");
        dispositionNote.setId("eco-disposition-note");
        dispose.setId("eco-dispose");
        comment.setWidthFull();
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        approvalForm.setPadding(false);
        approvalForm.add(comment, row(approve, reject));
        approvalForm.setVisible(false);
        disposition.setLabel("Old stock of the outgoing components");
        disposition.setItems(StockDisposition.values());
        dispositionForm.setVisible(false);

        add(new H2("Engineering change"), raiseForm, result, statusFilter, changes, detail, outgoing, approvalForm,
                dispositionForm);
        refresh();
    }

    /** The signed-in user's approval of the selected change (their task from the inbox, SoD applied). */
    void decide(boolean approved) {
        if (task == null) {
            return;
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put("approved", approved);
        fields.put("comment", comment.getValue() == null || comment.getValue().isBlank() ? null : comment.getValue());
        complete(fields, (approved ? "Approved " : "Rejected ") + task.businessKey());
    }

    void dispose() {
        if (task == null) {
            return;
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put("disposition", disposition.getValue() == null ? null : disposition.getValue().name());
        fields.put("note", dispositionNote.getValue() == null || dispositionNote.getValue().isBlank() ? null
                : dispositionNote.getValue());
        complete(fields, "Disposition of " + task.businessKey() + ": " + disposition.getValue());
    }

    private void complete(Map<String, Object> fields, String done) {
        String id = task.businessKey();
        try {
            myTasks.complete(task.id(), fields);
            result.setText(done);
            comment.clear();
            dispositionNote.clear();
            refresh();
            changes.getListDataView().getItems().filter(s -> s.id().equals(id)).findFirst()
                    .ifPresentOrElse(changes::select, () -> show(null));
        } catch (ApiProblem e) {
            result.setText(problem(e));
        }
    }

    void raise() {
        try {
            EngineeringChange c = service.raise(new RaiseEngineeringChange(trim(product.getValue()),
                    trim(revision.getValue()), parseLines(lines.getValue()), effectiveFrom.getValue(),
                    reason.getValue()));
            result.setText("Raised " + c.id() + ": " + c.product() + " rev " + c.toRevision() + ", approvers "
                    + String.join(", ", c.routing().approverRoles()));
            lines.clear();
            reason.clear();
            refresh();
            changes.getListDataView().getItems().filter(s -> s.id().equals(c.id())).findFirst()
                    .ifPresent(changes::select);
        } catch (ApiProblem e) {
            result.setText(problem(e));
        }
    }

    private static String problem(ApiProblem e) {
        return e.getMessage() + (e.errors().isEmpty() ? "" : " " + e.errors().stream()
                .map(f -> f.field() + ": " + f.message()).toList());
    }

    /** "component quantity uom consumption" per line; a line that does not read so is passed on as far as it reads. */
    static List<EcoLine> parseLines(String text) {
        List<EcoLine> parsed = new ArrayList<>();
        if (text == null) {
            return parsed;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.trim().split("\\s+");
            BigDecimal quantity;
            try {
                quantity = p.length > 1 ? new BigDecimal(p[1]) : null;
            } catch (NumberFormatException e) {
                quantity = null;
            }
            parsed.add(new EcoLine(p[0], quantity, p.length > 2 ? p[2] : null, p.length > 3 ? p[3].toUpperCase()
                    : null));
        }
        return parsed;
    }

    void refresh() {
        String s = statusFilter.getValue();
        EcoStatus status = s == null || "all".equals(s) ? null : EcoStatus.valueOf(s);
        changes.setItems(service.changes(status, null, SHOWN).items());
    }

    void show(EngineeringChange.Summary summary) {
        detail.removeAll();
        outgoing.setVisible(false);
        task = null;
        approvalForm.setVisible(false);
        dispositionForm.setVisible(false);
        if (summary == null) {
            return;
        }
        EngineeringChange c = service.change(summary.id());
        task = myTasks.list(1000).stream().filter(t -> EngineeringChanges.PROCESS.equals(t.processKey())
                && c.id().equals(t.businessKey())).findFirst().orElse(null);
        approvalForm.setVisible(task != null && "approve".equals(task.taskKey()));
        dispositionForm.setVisible(task != null && "dispose".equals(task.taskKey()));
        detail.add(new H3(c.id() + " · " + c.product() + " " + (c.fromRevision() == null ? "(new BOM)"
                : c.fromRevision()) + " → " + c.toRevision() + " · " + c.status()));
        detail.add(new Paragraph("Effective from " + c.effectiveFrom() + "; raised by " + c.raisedBy() + ": "
                + c.reason()));
        detail.add(new Paragraph("Lines: " + c.lines().stream().map(l -> l.component() + " "
                + l.quantity().toPlainString() + " " + l.uom() + " " + l.consumption())
                .collect(Collectors.joining("; "))));
        if (c.impact() != null) {
            Impact i = c.impact();
            detail.add(new Paragraph("Impact: " + i.changes().stream().map(ch -> ch.component() + " " + ch.change())
                    .collect(Collectors.joining(", ")) + ". Outgoing stock " + money(i.outgoingOnHandValue())
                    + ", obsolete write-off " + money(i.obsoleteWriteOffValue())
                    + (i.anyRegulatedComponent() ? "; a regulated component is affected." : ".")));
            detail.add(new Paragraph("Open orders: " + (i.openOrders().isEmpty() ? "none" : i.openOrders().stream()
                    .map(o -> "MO-" + o.id() + " rev " + o.bomRevision() + " " + o.quantity().toPlainString()
                            + (o.wip().isEmpty() ? "" : " (WIP " + o.wip().stream().map(w -> w.component() + " "
                            + w.quantity().toPlainString()).collect(Collectors.joining(", ")) + ")"))
                    .collect(Collectors.joining("; ")))));
            outgoing.setItems(i.outgoing());
            outgoing.setVisible(!i.outgoing().isEmpty());
        }
        if (c.routing() != null) {
            detail.add(new Paragraph("Routing: " + String.join(", ", c.routing().approverRoles()) + " by "
                    + c.routing().ruleSet() + " v" + c.routing().ruleSetVersion() + " (rules: "
                    + String.join("; ", c.routing().firedRules()) + ")"));
        }
        detail.add(new Paragraph("Approvals: " + (c.approvals().isEmpty() ? "none yet" : c.approvals().stream()
                .map(a -> a.role() + " " + a.by() + (a.approved() ? " approved" : " rejected")
                        + (a.comment() == null ? "" : " (" + a.comment() + ")"))
                .collect(Collectors.joining("; ")))));
        if (c.disposition() != null) {
            detail.add(new Paragraph("Old stock: " + c.disposition().disposition() + " by " + c.disposition().by()
                    + (c.disposition().note() == null ? "" : " (" + c.disposition().note() + ")")));
        }
    }

    private static String money(BigDecimal value) {
        return value == null ? "" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }
}
