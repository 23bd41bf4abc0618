package com.invgov.console;

import com.invgov.console.ui.HomeView;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.invgov.system.ui.SystemView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A demo user signs in and sees the menu entries of their roles, and no others. */
@IntegrationTest
class ConsoleMenuTest {


    @Autowired
    ApplicationContext context;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void tearDown() {
        ConsoleSession.close();
    }

    @Test
    void anAdminSeesTheSystemViewWithTheDatabaseAndRuleSets() {
        signIn("ada");
        assertThat(menu()).contains("Home", "System", "Users");

        UI.getCurrent().navigate(SystemView.class);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("system-database-mode")).getText())
                .isEqualTo("EXTERNAL");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("system-database-version")).getText())
                .startsWith("PostgreSQL 17");
        var ruleSets = _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("system-rulesets"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(ruleSets)).isPositive();
    }

    @Test
    void anOperatorSeesOnlyWhatOperatorsMayOpen() {
        signIn("olga");
        assertThat(menu()).contains("Home").doesNotContain("System", "Users");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("home-roles")).getText())
                .contains("OPERATOR");

        assertThatThrownBy(() -> UI.getCurrent().navigate(SystemView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        assertThat(_find(SystemView.class)).isEmpty();
    }

    private List<String> menu() {
        UI.getCurrent().navigate(HomeView.class);
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    private void signIn(String username) {
        ConsoleSession.signIn(context, users.loadUserByUsername(username));
    }
}
