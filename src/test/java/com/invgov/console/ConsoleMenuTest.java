package com.invgov.console;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.invgov.console.ui.HomeView;
import com.invgov.support.IntegrationTest;
import com.invgov.system.ui.SystemView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A demo user signs in and sees the menu entries of their roles, and no others. */
@IntegrationTest
class ConsoleMenuTest {

    private static Routes routes;

    @Autowired
    ApplicationContext context;
    @Autowired
    UserDetailsService users;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("com.invgov");
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
    }

    @Test
    void anAdminSeesTheSystemViewWithTheDatabaseAndRuleSets() {
        signIn("ada");
        assertThat(menu()).contains("Home", "System");

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
        assertThat(menu()).contains("Home").doesNotContain("System");
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
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        UserDetails user = users.loadUserByUsername(username);
        var authentication = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role) || a.getAuthority().equals(role)));
    }
}
