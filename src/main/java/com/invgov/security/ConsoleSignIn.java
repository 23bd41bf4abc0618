package com.invgov.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

import java.util.Optional;

/**
 * How the console signs users in, in the active security mode. The console module builds its filter chain with
 * Vaadin's configurer and asks this for the mode's part: in local mode the console's own login view and form login,
 * with a registry of sessions (a user an ADMIN changes is signed out); OIDC login against Keycloak in keycloak mode.
 */
public interface ConsoleSignIn {

    /**
     * Where an anonymous console user is sent to sign in, when that is not the console's own login view: the
     * OIDC authorization endpoint of the application in keycloak mode; empty in local mode.
     */
    Optional<String> externalLoginPage();

    /** Adds the mode's sign-in mechanism to the console's chain; called after Vaadin's configurer is added. */
    void configure(HttpSecurity http) throws Exception;
}
