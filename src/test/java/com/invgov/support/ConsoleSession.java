package com.invgov.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A browserless console session (Karibu-Testing) on the shared application context, signed in as a user: the
 * security context and the request's principal and roles are what Vaadin's access control checks.
 */
public final class ConsoleSession {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("com.invgov");

    private ConsoleSession() {
    }

    /** Signs in as {@code username} holding these application roles (names without {@code ROLE_}). */
    public static void signIn(ApplicationContext context, String username, String... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        signIn(context, User.withUsername(username).password("n/a").authorities(authorities).build());
    }

    /** Signs in as a user as the user store has them. */
    public static void signIn(ApplicationContext context, UserDetails user) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        Set<String> granted = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        request.setUserInRole((principal, role) -> granted.contains(role) || granted.contains("ROLE_" + role));
    }

    /** Ends the session and forgets the user. */
    public static void close() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
