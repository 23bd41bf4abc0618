package com.invgov.rules.ui;

import com.invgov.rules.RuleSetVersions;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** One rule set: low-code editor, DRL editor, versions. ADMINs edit and publish; AUDITORs read. */
@Route("rules/set")
@PageTitle("Rule set · invgov")
@RolesAllowed({"ADMIN", "AUDITOR"})
public class RuleSetView extends VerticalLayout implements HasUrlParameter<String> {

    private final RuleSetVersions versions;
    private final AuthenticationContext authentication;

    public RuleSetView(RuleSetVersions versions, AuthenticationContext authentication) {
        this.versions = versions;
        this.authentication = authentication;
    }

    @Override
    public void setParameter(BeforeEvent event, String key) {
        removeAll();
        add(new RuleSetEditor(key, versions, authentication.hasRole("ADMIN")));
    }
}
