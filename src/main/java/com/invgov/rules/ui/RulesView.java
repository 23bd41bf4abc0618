package com.invgov.rules.ui;

import com.invgov.rules.RuleSetOverview;
import com.invgov.rules.RuleSetVersions;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The rule sets with the version that decides now; a click opens its editor and history. */
@Route("rules")
@PageTitle("Rules · invgov")
@Menu(order = 80, title = "Rules", icon = "vaadin:scale")
@RolesAllowed({"ADMIN", "AUDITOR"})
public class RulesView extends VerticalLayout {

    public RulesView(RuleSetVersions versions) {
        Grid<RuleSetOverview> grid = new Grid<>(RuleSetOverview.class, false);
        grid.setId("rulesets");
        grid.addColumn(RuleSetOverview::name).setHeader("Rule set");
        grid.addColumn(RuleSetOverview::key).setHeader("Key");
        grid.addColumn(RuleSetOverview::publishedVersion).setHeader("Published version");
        grid.addColumn(RuleSetOverview::publishedBy).setHeader("Published by");
        grid.addColumn(RuleSetOverview::latestVersion).setHeader("Latest version");
        grid.addColumn(RuleSetOverview::drafts).setHeader("Drafts");
        grid.setItems(versions.ruleSets());
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RuleSetView.class, e.getItem().key())));
        add(new H2("Rules"), grid);
    }
}
