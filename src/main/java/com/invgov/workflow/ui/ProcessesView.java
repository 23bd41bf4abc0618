package com.invgov.workflow.ui;

import com.invgov.api.ApiProblem;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.invgov.workflow.BpmnProblem;
import com.invgov.workflow.BpmnRefused;
import com.invgov.workflow.DeployedProcess;
import com.invgov.workflow.ProcessCatalog;
import com.invgov.workflow.ProcessDefinitionSummary;
import com.invgov.workflow.ProcessDraft;
import com.invgov.workflow.ProcessDraftStatus;
import com.invgov.workflow.ProcessDrafts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The deployed processes and the drafts waiting for a second ADMIN (DESIGN §8 Admin): an ADMIN pastes a BPMN
 * (from the modeler) and saves it as a draft, which is validated as the API validates it; another ADMIN selects the
 * draft, reads its XML and publishes it. AUDITORs read.
 */
@Route("processes")
@PageTitle("Processes · invgov")
@Menu(order = 81, title = "Processes", icon = "vaadin:cogs")
@RolesAllowed({"ADMIN", "AUDITOR"})
public class ProcessesView extends VerticalLayout {

    private final ProcessCatalog catalog;
    private final ProcessDrafts drafts;
    private final boolean admin;
    private final Grid<ProcessDefinitionSummary> definitions = new Grid<>(ProcessDefinitionSummary.class, false);
    private final Grid<ProcessDraft> draftGrid = new Grid<>(ProcessDraft.class, false);
    private final VerticalLayout detail = new VerticalLayout();
    private final Span message = new Span();
    private final UnorderedList errors = new UnorderedList();

    public ProcessesView(ProcessCatalog catalog, ProcessDrafts drafts, CurrentUser user) {
        this.catalog = catalog;
        this.drafts = drafts;
        this.admin = user.hasAnyRole(Role.ADMIN);
        message.setId("process-message");
        errors.setId("process-errors");
        definitions.setId("process-definitions");
        definitions.addColumn(ProcessDefinitionSummary::key).setHeader("Key").setAutoWidth(true);
        definitions.addColumn(ProcessDefinitionSummary::name).setHeader("Name").setAutoWidth(true);
        definitions.addColumn(ProcessDefinitionSummary::version).setHeader("Version").setAutoWidth(true);
        definitions.addColumn(ProcessDefinitionSummary::historyTimeToLiveDays).setHeader("History TTL (days)");
        definitions.setAllRowsVisible(true);
        draftGrid.setId("process-drafts");
        draftGrid.addColumn(ProcessDraft::id).setHeader("Draft").setAutoWidth(true);
        draftGrid.addColumn(ProcessDraft::processKey).setHeader("Key").setAutoWidth(true);
        draftGrid.addColumn(ProcessDraft::number).setHeader("No.").setAutoWidth(true);
        draftGrid.addColumn(ProcessDraft::status).setHeader("Status").setAutoWidth(true);
        draftGrid.addColumn(ProcessDraft::createdBy).setHeader("Author").setAutoWidth(true);
        draftGrid.addColumn(ProcessDraft::createdAt).setHeader("Saved").setAutoWidth(true);
        draftGrid.addColumn(ProcessDraft::comment).setHeader("Comment").setFlexGrow(1);
        draftGrid.addColumn(d -> d.deployed() == null ? "" : "version " + d.deployed().version() + " by "
                + d.publishedBy()).setHeader("Published").setAutoWidth(true);
        draftGrid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        detail.setPadding(false);
        add(new H2("Processes"), definitions, new H3("Drafts"), message, errors, draftGrid, detail);
        if (admin) {
            add(uploadForm());
        }
        refresh();
    }

    private VerticalLayout uploadForm() {
        TextArea bpmn = new TextArea("BPMN XML");
        bpmn.setId("draft-bpmn");
        bpmn.setWidthFull();
        bpmn.setMaxHeight("20em");
        TextField comment = new TextField("Comment");
        comment.setId("draft-comment");
        comment.setWidthFull();
        Button save = new Button("Save as draft", e -> {
            try {
                ProcessDraft saved = drafts.create(bpmn.getValue(), comment.getValue());
                say("Saved draft " + saved.id() + " of '" + saved.processKey() + "' (number " + saved.number()
                        + "); a second ADMIN publishes it.");
                bpmn.clear();
                comment.clear();
                refresh();
            } catch (RuntimeException ex) {
                refused(ex);
            }
        });
        save.setId("draft-save");
        VerticalLayout form = new VerticalLayout(new H3("New process or new version"), bpmn, comment, save);
        form.setPadding(false);
        return form;
    }

    private void show(ProcessDraft selected) {
        detail.removeAll();
        if (selected == null) {
            return;
        }
        ProcessDraft draft = drafts.draft(selected.id());
        Pre xml = new Pre(draft.bpmn());
        xml.setId("draft-xml");
        xml.getStyle().set("max-height", "30em").set("overflow", "auto").set("width", "100%");
        detail.add(xml);
        if (admin && draft.status() == ProcessDraftStatus.DRAFT) {
            Button publish = new Button("Publish", e -> {
                try {
                    DeployedProcess deployed = drafts.publish(draft.id());
                    say("Published '" + deployed.key() + "' as version " + deployed.version()
                            + ": new instances start on it.");
                    refresh();
                } catch (RuntimeException ex) {
                    refused(ex);
                }
            });
            publish.setId("draft-publish");
            detail.add(publish);
            if (drafts.fourEyes()) {
                detail.add(new Span("A second ADMIN, not " + draft.createdBy() + ", publishes."));
            }
        }
    }

    private void refresh() {
        definitions.setItems(catalog.latest());
        draftGrid.setItems(drafts.drafts(null, null, 200).items());
    }

    private void say(String text) {
        errors.removeAll();
        message.setText(text);
    }

    /** A refusal in the user's words; anything else is a bug and is not swallowed. */
    private void refused(RuntimeException e) {
        if (!(e instanceof ApiProblem)) {
            throw e;
        }
        errors.removeAll();
        message.setText(e.getMessage());
        if (e instanceof BpmnRefused refused) {
            for (BpmnProblem problem : refused.problems()) {
                errors.add(new ListItem(problem.toString()));
            }
        }
    }
}
