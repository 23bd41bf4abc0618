package com.invgov.console.ui;

import com.invgov.console.DashboardTile;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

import java.util.stream.Collectors;

/**
 * Where every user lands: the dashboard (DESIGN §8). A greeting, the user's roles, and the tiles the modules
 * contribute for those roles, each read when the page opens.
 */
@Route("")
@PageTitle("Dashboard · invgov")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(CurrentUser user, ObjectProvider<DashboardTile> tiles) {
        add(new H2("Welcome, " + user.username().orElse("")));
        String roles = user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", "));
        Paragraph who = new Paragraph("Your roles: " + (roles.isEmpty() ? "none" : roles));
        who.setId("home-roles");
        add(who);
        add(new Dashboard(tiles.stream().toList(), user.roles()));
    }
}
