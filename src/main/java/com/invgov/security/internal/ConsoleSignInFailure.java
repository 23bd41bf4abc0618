package com.invgov.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the console answers when the OIDC sign-in does not end in a session: 403 with an access-denied page for a
 * Keycloak account without an invgov role, 401 for any other failure. Both pages offer to sign out of Keycloak
 * (else the next attempt signs the same account in again without asking) - never a redirect back to the login,
 * which would loop through Keycloak's still-open session.
 */
final class ConsoleSignInFailure implements AuthenticationFailureHandler {

    static final String NO_ROLE = "invgov_no_role";

    private final KeycloakProperties keycloak;

    ConsoleSignInFailure(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        boolean noRole = exception instanceof OAuth2AuthenticationException e
                && NO_ROLE.equals(e.getError().getErrorCode());
        String title = noRole ? "Access denied" : "Sign-in failed";
        String message = noRole
                ? exception.getMessage() + ". Ask an administrator to give your Keycloak account a role of invgov "
                + "(OPERATOR, QUALITY, INVENTORY_CONTROLLER, FINANCE, ENGINEER, PLANNER, ADMIN, AUDITOR)."
                : "Keycloak did not sign you in to invgov: " + exception.getMessage();
        String home = ServletUriComponentsBuilder.fromContextPath(request).path("/").toUriString();
        String signOut = UriComponentsBuilder.fromUriString(KeycloakProperties.endpoint(keycloak.issuer(), "logout"))
                .queryParam("client_id", keycloak.consoleClientId())
                .queryParam("post_logout_redirect_uri", home)
                .encode()
                .toUriString();
        response.setStatus(noRole ? HttpStatus.FORBIDDEN.value() : HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%1$s · invgov</title>
                <style>body{font-family:system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em}</style>
                </head><body><h1 id="sign-in-refused">%1$s</h1><p>%2$s</p>
                <p><a id="keycloak-sign-out" href="%3$s">Sign out of Keycloak</a> to sign in as someone else.</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(message), HtmlUtils.htmlEscape(signOut)));
    }
}
