package com.invgov.rules.ui;

import com.invgov.rules.FourEyesRequired;
import com.invgov.rules.NewRuleSetVersion;
import com.invgov.rules.RuleCompilationException;
import com.invgov.rules.RuleFormat;
import com.invgov.rules.RuleSetBadRequest;
import com.invgov.rules.RuleSetOverview;
import com.invgov.rules.RuleSetVersion;
import com.invgov.rules.RuleSetVersions;
import com.invgov.rules.RuleTableInvalid;
import com.invgov.rules.RuleVersionConflict;
import com.invgov.rules.table.RuleTable;
import com.invgov.security.NotPermitted;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.Optional;

/**
 * Everything about one rule set: the low-code table editor, the DRL editor, validate and save a draft, and the
 * version history with diff, simulation and publishing. An AUDITOR sees it all read-only.
 */
class RuleSetEditor extends VerticalLayout {

    private final String key;
    private final RuleSetVersions versions;
    private final Span status = new Span();
    private final Span message = new Span();
    private VersionHistory history;
    private final TableForm table;
    private final DrlEditor drl = new DrlEditor();

    RuleSetEditor(String key, RuleSetVersions versions, boolean admin) {
        this.key = key;
        this.versions = versions;
        RuleSetOverview overview = versions.ruleSet(key);
        status.setId("ruleset-status");
        message.setId("ruleset-message");
        add(new H2(overview.name()), status, message);

        Optional<RuleSetVersion> current = Optional.ofNullable(overview.publishedVersion())
                .map(v -> versions.version(key, v));
        RuleTable start = current.map(RuleSetVersion::table).orElseGet(() -> versions.defaultTable(key));
        table = new TableForm(start);
        TextField tableComment = comment("table-comment");
        Button validateTable = new Button("Validate", e -> run(() -> {
            table.clearErrors();
            versions.check(key, NewRuleSetVersion.table(table.value(), tableComment.getValue()));
            say("The table is valid.");
        }));
        validateTable.setId("table-validate");
        Button saveTable = new Button("Save draft", e -> run(() -> {
            table.clearErrors();
            RuleSetVersion saved = versions.createVersion(key, NewRuleSetVersion.table(table.value(),
                    tableComment.getValue()));
            say("Saved version " + saved.version() + " as a draft.");
            history.refresh();
        }));
        saveTable.setId("table-save");
        saveTable.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout tablePanel = new VerticalLayout(table, tableComment, actions(admin, validateTable, saveTable));
        tablePanel.setPadding(false);
        Details tableDetails = new Details("Policy table", tablePanel);
        tableDetails.setOpened(true);

        drl.setValue(current.map(RuleSetVersion::drl).orElse(""));
        drl.setReadOnly(!admin);
        TextField drlComment = comment("drl-comment");
        Button validateDrl = new Button("Validate", e -> run(() -> {
            drl.showErrors(List.of());
            versions.check(key, NewRuleSetVersion.drl(drl.getValue(), drlComment.getValue()));
            say("The DRL passes the safety check and compiles.");
        }));
        validateDrl.setId("drl-validate");
        Button saveDrl = new Button("Save draft", e -> run(() -> {
            drl.showErrors(List.of());
            RuleSetVersion saved = versions.createVersion(key, NewRuleSetVersion.drl(drl.getValue(),
                    drlComment.getValue()));
            say("Saved version " + saved.version() + " (" + RuleFormat.DRL + ") as a draft.");
            history.refresh();
        }));
        saveDrl.setId("drl-save");
        VerticalLayout drlPanel = new VerticalLayout(new Span("Raw DRL (ADMIN): checked for safety, then compiled."),
                drl, drlComment, actions(admin, validateDrl, saveDrl));
        drlPanel.setPadding(false);
        Details drlDetails = new Details("DRL", drlPanel);

        history = new VersionHistory(key, versions, admin, this::failed, this::showStatus);
        Details historyDetails = new Details("Versions", history);
        historyDetails.setOpened(true);
        add(tableDetails, drlDetails, historyDetails);
        showStatus();
    }

    TableForm table() {
        return table;
    }

    DrlEditor drl() {
        return drl;
    }

    private static TextField comment(String id) {
        TextField comment = new TextField("Comment (why)");
        comment.setId(id);
        comment.setWidthFull();
        return comment;
    }

    private static HorizontalLayout actions(boolean admin, Button validate, Button save) {
        HorizontalLayout actions = new HorizontalLayout(validate);
        if (admin) {
            actions.add(save);
        }
        validate.setVisible(admin);
        return actions;
    }

    private void showStatus() {
        RuleSetOverview overview = versions.ruleSet(key);
        status.setText(overview.publishedVersion() == null ? "Nothing published"
                : "Published: version " + overview.publishedVersion() + " by " + overview.publishedBy()
                + " · latest version " + overview.latestVersion() + " · drafts " + overview.drafts());
    }

    private void run(Runnable action) {
        try {
            message.setText("");
            action.run();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        if (e instanceof RuleTableInvalid invalid) {
            table.showErrors(invalid.errors());
            say("The table has " + invalid.errors().size() + " invalid value(s).");
        } else if (e instanceof RuleCompilationException compile) {
            drl.showErrors(compile.errors());
            say("The DRL is refused: " + compile.errors().size() + " error(s).");
        } else if (e instanceof FourEyesRequired || e instanceof RuleVersionConflict || e instanceof NotPermitted
                || e instanceof RuleSetBadRequest) {
            say(e.getMessage());
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } else {
            throw e;
        }
    }

    private void say(String text) {
        message.setText(text);
    }
}
