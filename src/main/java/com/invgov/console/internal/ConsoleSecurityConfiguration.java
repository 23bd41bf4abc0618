package com.invgov.console.internal;

import com.invgov.console.ui.LoginView;
import com.invgov.security.ConsoleSignIn;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console's filter chain, after the API's and the actuator's (security module): Vaadin's configurer with
 * the sign-in of the security mode - the login view in local mode, Keycloak's OIDC login (and a logout that ends
 * the Keycloak session too) in keycloak mode; every view then declares who may open it.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    /**
     * Vaadin's security context holder (it finds the signed-in user from the UI's session too), installed once per
     * JVM. Vaadin's own configuration installs a new one per application context, so where one JVM runs two
     * contexts (the tests of two nodes, or of both security modes) the first context's filters and services would
     * stop seeing each other's sign-ins; one shared holder keeps each thread's context where everyone looks.
     */
    @Bean
    static VaadinAwareSecurityContextHolderStrategy securityContextHolderStrategy() {
        synchronized (SecurityContextHolder.class) {
            if (SecurityContextHolder.getContextHolderStrategy() instanceof VaadinAwareSecurityContextHolderStrategy shared) {
                return shared;
            }
            VaadinAwareSecurityContextHolderStrategy strategy = new VaadinAwareSecurityContextHolderStrategy();
            SecurityContextHolder.setContextHolderStrategy(strategy);
            return strategy;
        }
    }

    /** After signing out of Keycloak, the browser comes back to the console (which sends it to sign in again). */
    static final String POST_LOGOUT_REDIRECT = "{baseUrl}/";

    @Bean
    @Order(10)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, ConsoleSignIn signIn) throws Exception {
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> signIn.externalLoginPage().ifPresentOrElse(
                page -> vaadin.oauth2LoginPage(page, POST_LOGOUT_REDIRECT),
                () -> vaadin.loginView(LoginView.class)));
        // after Vaadin's configurer: it must set the login page before the OAuth2 login configurer initialises,
        // or Spring Security would also generate its own "Login with OAuth 2.0" page at /login
        signIn.configure(http);
        return http.build();
    }

    /**
     * With an external sign-in the console's own login form would post to nothing: it is not offered, and
     * {@code /login} then needs a signed-in user like any other route. Removed once the servlet context has
     * registered the routes and before requests come (the security filter asks the registry before Vaadin's
     * servlet is initialised, so a service-init listener would be too late for the first request).
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> withoutLoginViewUnderExternalSignIn(ConsoleSignIn signIn) {
        return event -> {
            if (signIn.externalLoginPage().isPresent()
                    && event.getApplicationContext() instanceof WebApplicationContext web
                    && web.getServletContext() != null) {
                ApplicationRouteRegistry.getInstance(new VaadinServletContext(web.getServletContext()))
                        .removeRoute(LoginView.class);
            }
        };
    }
}
