package com.invgov.console.ui;

import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import java.util.stream.Collectors;

/** Where every user lands: who they are signed in as and with which roles. */
@Route("")
@PageTitle("Home · invgov")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(CurrentUser user) {
        add(new H2("Welcome, " + user.username().orElse("")));
        String roles = user.roles().stream().map(Role::name).collect(Collectors.joining(", "));
        Paragraph who = new Paragraph("Your roles: " + (roles.isEmpty() ? "none" : roles));
        who.setId("home-roles");
        add(who);
    }
}
