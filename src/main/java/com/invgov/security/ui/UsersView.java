package com.invgov.security.ui;

import com.invgov.api.ApiProblem;
import com.invgov.api.Cursor;
import com.invgov.api.Page;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.invgov.security.UserAccount;
import com.invgov.security.Users;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Admin: local users and their roles (DESIGN §8 "users/roles in local mode"). ADMINs create and change users; an
 * AUDITOR reads. In keycloak mode the users live in Keycloak and the view says so.
 */
@Route("users")
@PageTitle("Users · invgov")
@Menu(order = 86, title = "Users", icon = "vaadin:users")
@RolesAllowed({"ADMIN", "AUDITOR"})
public class UsersView extends VerticalLayout {

    private final Users users;
    private final Grid<UserAccount> grid = new Grid<>(UserAccount.class, false);

    public UsersView(Users users, CurrentUser user) {
        this.users = users;
        add(new H2("Users"));
        if (!users.managedHere()) {
            Paragraph elsewhere = new Paragraph("Users and their roles are managed in Keycloak (keycloak mode): "
                    + "realm roles with the names of the application roles.");
            elsewhere.setId("users-in-keycloak");
            add(elsewhere);
            return;
        }
        boolean admin = user.hasAnyRole(Role.ADMIN);
        grid.setId("users-grid");
        grid.addColumn(UserAccount::username).setHeader("User").setSortable(true);
        grid.addColumn(a -> a.roles().stream().map(Role::name).collect(Collectors.joining(", "))).setHeader("Roles");
        grid.addColumn(a -> a.site() == null ? "" : a.site()).setHeader("Site");
        grid.addColumn(a -> a.enabled() ? "yes" : "no").setHeader("Enabled");
        grid.setAllRowsVisible(true);
        if (admin) {
            Button create = new Button("New user", e -> edit(null));
            create.setId("users-new");
            add(create);
            grid.addItemClickListener(e -> edit(e.getItem()));
        }
        add(grid);
        refresh();
    }

    private void refresh() {
        List<UserAccount> all = new ArrayList<>();
        String after = null;
        do {
            Page<UserAccount> page = users.users(after, Cursor.MAX_LIMIT);
            all.addAll(page.items());
            after = page.next();
        } while (after != null);
        grid.setItems(all);
    }

    /** The form for a new user (null) or an existing one. */
    private void edit(UserAccount account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(account == null ? "New user" : "User " + account.username());
        TextField name = new TextField("User name");
        name.setId("user-name");
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setId("user-roles");
        roles.setItems(Role.values());
        TextField site = new TextField("Site");
        site.setId("user-site");
        Checkbox enabled = new Checkbox("Enabled", true);
        enabled.setId("user-enabled");
        PasswordField password = new PasswordField(account == null ? "Password" : "New password (empty: keep)");
        password.setId("user-password");
        password.setHelperText("at least 12 characters");
        if (account != null) {
            name.setValue(account.username());
            name.setReadOnly(true);
            roles.setValue(account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles()));
            site.setValue(account.site() == null ? "" : account.site());
            enabled.setValue(account.enabled());
        }
        Button save = new Button("Save", e -> {
            try {
                users.save(name.getValue().strip(), new Users.Change(roles.getValue(), site.getValue(),
                        enabled.getValue(), password.getValue().isEmpty() ? null : password.getValue()));
                dialog.close();
                Notification.show("Saved " + name.getValue().strip(), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (ApiProblem problem) {
                Notification.show(problem.getMessage() + (problem.errors().isEmpty() ? "" : " " + problem.errors()
                                .stream().map(f -> f.field() + ": " + f.message()).toList()), 6000,
                        Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.add(new FormLayout(name, roles, site, enabled, password));
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }
}
