package com.invgov.quality.ui;

import com.invgov.quality.IncomingInspections;
import com.invgov.quality.QualityHolds;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The quality console: incoming inspections with their checklist form, open holds with quantity and value and the
 * disposition form, and the MRB approvals inbox. QUALITY inspects, holds and disposes; QUALITY and
 * INVENTORY_CONTROLLER approve in the MRB; the services enforce all of it, this view only hides what a role cannot do.
 */
@Route("quality")
@PageTitle("Quality · invgov")
@Menu(order = 21, title = "Quality", icon = "vaadin:doctor")
@RolesAllowed({"QUALITY", "INVENTORY_CONTROLLER", "ADMIN", "AUDITOR"})
public class QualityView extends VerticalLayout {

    final TabSheet tabs = new TabSheet();
    final InspectionPanel inspections;
    final HoldsPanel holds;
    final MrbPanel mrb;
    final Tab inspectionsTab;
    final Tab holdsTab;
    final Tab mrbTab;

    public QualityView(IncomingInspections incoming, QualityHolds service, CurrentUser user) {
        setSizeFull();
        boolean quality = user.hasAnyRole(Role.QUALITY);
        mrb = new MrbPanel(service, this::refresh);
        holds = new HoldsPanel(service, quality, this::refresh);
        inspections = new InspectionPanel(incoming, quality, this::refresh);
        tabs.setId("quality-tabs");
        tabs.setWidthFull();
        inspectionsTab = tabs.add("Inspections", inspections);
        holdsTab = tabs.add("Holds", holds);
        mrbTab = tabs.add("MRB approvals", mrb);
        inspectionsTab.setId("quality-tab-inspections");
        holdsTab.setId("quality-tab-holds");
        mrbTab.setId("quality-tab-mrb");
        if (!quality && user.hasAnyRole(Role.INVENTORY_CONTROLLER)) {
            tabs.setSelectedTab(mrbTab);
        }
        add(new H2("Quality"), tabs);
        counts();
    }

    /** After any decision: every list again, since one action changes the others (a failed inspection opens a hold). */
    void refresh() {
        inspections.refresh();
        holds.refresh();
        mrb.refresh();
        counts();
    }

    private void counts() {
        inspectionsTab.setLabel("Inspections (" + inspections.openCount() + ")");
        mrbTab.setLabel("MRB approvals (" + mrb.openCount() + ")");
    }
}
