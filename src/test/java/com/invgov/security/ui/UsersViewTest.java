package com.invgov.security.ui;

import com.invgov.security.Role;
import com.invgov.security.UserAccount;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Admin → Users, driven without a browser: an ADMIN creates a user; an AUDITOR reads and changes nothing. */
@IntegrationTest
class UsersViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void close() {
        ConsoleSession.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminCreatesAUserFromTheForm() {
        ConsoleSession.signIn(context, "ada", "ADMIN");
        UI.getCurrent().navigate(UsersView.class);
        String name = "form-" + UUID.randomUUID().toString().substring(0, 8);

        _get(Button.class, spec -> spec.withId("users-new")).click();
        _get(TextField.class, spec -> spec.withId("user-name")).setValue(name);
        ((CheckboxGroup<Role>) _get(CheckboxGroup.class, spec -> spec.withId("user-roles")))
                .setValue(Set.of(Role.PLANNER));
        _get(TextField.class, spec -> spec.withId("user-site")).setValue("P2");
        _get(PasswordField.class, spec -> spec.withId("user-password")).setValue("short");
        _get(Button.class, spec -> spec.withId("user-save")).click();
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?").param(name).query(Long.class)
                .single()).as("a short password is refused").isZero();

        _get(PasswordField.class, spec -> spec.withId("user-password")).setValue("a long enough password");
        _get(Button.class, spec -> spec.withId("user-save")).click();

        Grid<UserAccount> grid = _get(Grid.class, spec -> spec.withId("users-grid"));
        assertThat(grid.getGenericDataView().getItems().filter(u -> u.username().equals(name)).findFirst())
                .hasValueSatisfying(u -> {
                    assertThat(u.roles()).containsExactly(Role.PLANNER);
                    assertThat(u.site()).isEqualTo("P2");
                });
        assertThat(jdbc.sql("SELECT role FROM app_user_role WHERE username = ?").param(name).query(String.class)
                .list()).containsExactly("PLANNER");
    }

    @Test
    void anAuditorReadsTheUsersAndHasNoForm() {
        ConsoleSession.signIn(context, "audrey", "AUDITOR");
        UI.getCurrent().navigate(UsersView.class);
        assertThat(_find(Button.class, spec -> spec.withId("users-new"))).isEmpty();
        @SuppressWarnings("unchecked")
        Grid<UserAccount> grid = _get(Grid.class, spec -> spec.withId("users-grid"));
        assertThat(grid.getGenericDataView().getItems().map(UserAccount::username)).contains("ada", "olga", "mes");
    }
}
