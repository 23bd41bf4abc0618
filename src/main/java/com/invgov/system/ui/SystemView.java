package com.invgov.system.ui;

import com.invgov.database.DatabaseInfo;
import com.invgov.rules.RuleSetSummary;
import com.invgov.system.SystemInfo;
import com.invgov.system.SystemStatus;
import com.invgov.workflow.ProcessDefinitionSummary;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** What this node runs: version, database, deployed processes, loaded rule sets. */
@Route("system")
@PageTitle("System · invgov")
@Menu(order = 90, title = "System", icon = "vaadin:server")
@RolesAllowed({"ADMIN", "AUDITOR"})
public class SystemView extends VerticalLayout {

    public SystemView(SystemInfo info) {
        SystemStatus status = info.status();
        DatabaseInfo db = status.database();

        FormLayout facts = new FormLayout();
        facts.addFormItem(value("system-version", status.version()), "Version");
        facts.addFormItem(value("system-database-mode", db.mode().name()), "Database");
        facts.addFormItem(value("system-database-version", "PostgreSQL " + db.serverVersion()), "Server");
        facts.addFormItem(value("system-database-url", db.url()), "URL");
        if (db.dataDirectory() != null) {
            facts.addFormItem(value("system-data-dir", db.dataDirectory()), "Data directory");
        }

        Grid<ProcessDefinitionSummary> processes = new Grid<>(ProcessDefinitionSummary.class, false);
        processes.setId("system-processes");
        processes.addColumn(ProcessDefinitionSummary::key).setHeader("Key");
        processes.addColumn(ProcessDefinitionSummary::name).setHeader("Name");
        processes.addColumn(ProcessDefinitionSummary::version).setHeader("Version");
        processes.addColumn(ProcessDefinitionSummary::historyTimeToLiveDays).setHeader("History TTL (days)");
        processes.setItems(status.processes());
        processes.setAllRowsVisible(true);

        Grid<RuleSetSummary> ruleSets = new Grid<>(RuleSetSummary.class, false);
        ruleSets.setId("system-rulesets");
        ruleSets.addColumn(RuleSetSummary::key).setHeader("Rule set");
        ruleSets.addColumn(RuleSetSummary::version).setHeader("Version");
        ruleSets.addColumn(r -> r.rules().size()).setHeader("Rules");
        ruleSets.setItems(status.ruleSets());
        ruleSets.setAllRowsVisible(true);

        add(new H2("System"), facts, new H3("Processes"), processes, new H3("Rule sets"), ruleSets);
    }

    private static Span value(String id, String text) {
        Span span = new Span(text);
        span.setId(id);
        return span;
    }
}
