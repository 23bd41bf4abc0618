package com.invgov.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import java.net.URI;
import java.time.Duration;

/**
 * {@code invgov.keycloak.*}, used in keycloak mode only (bound in every mode by the properties scan, so nothing is
 * required here: keycloak mode checks the issuer when it builds its beans).
 *
 * @param issuerUri           the realm as browsers and tokens name it ({@code iss}), e.g.
 *                            {@code http://localhost:8180/realms/invgov} (env {@code INVGOV_KEYCLOAK_ISSUER_URI})
 * @param internalUri         the same realm as this application reaches it, when that differs (containers:
 *                            {@code http://keycloak:8080/realms/invgov}); token, key and user-info requests go
 *                            there. Empty: the issuer URI (env {@code INVGOV_KEYCLOAK_INTERNAL_URI})
 * @param consoleClientId     the console's OIDC client (public, PKCE)
 * @param consoleClientSecret only when the console's client is made confidential; empty for a public client
 * @param audience            an access token must name this audience ({@code aud}) for the API to accept it;
 *                            the realm's clients add it with an audience mapper. Empty: not checked
 * @param clockSkew           how far past its expiry a token is still accepted (clocks of two servers differ)
 */
@ConfigurationProperties("invgov.keycloak")
record KeycloakProperties(
        String issuerUri,
        String internalUri,
        @DefaultValue("invgov-console") String consoleClientId,
        String consoleClientSecret,
        @DefaultValue("invgov-api") String audience,
        @DefaultValue("60s") Duration clockSkew) {

    static final String REGISTRATION_ID = "keycloak";

    /** The issuer URI; keycloak mode does not start without it. */
    String issuer() {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException("Keycloak mode needs the realm's issuer URI: set invgov.keycloak.issuer-uri "
                    + "(env INVGOV_KEYCLOAK_ISSUER_URI), e.g. http://localhost:8180/realms/invgov");
        }
        return stripSlash(issuerUri);
    }

    /** Where this application sends back-channel requests (tokens, keys, user info). */
    String backChannel() {
        return internalUri == null || internalUri.isBlank() ? issuer() : stripSlash(internalUri);
    }

    /** Keycloak's endpoint layout below a realm URL. */
    static String endpoint(String realm, String path) {
        return URI.create(realm + "/protocol/openid-connect/" + path).toString();
    }

    private static String stripSlash(String uri) {
        String trimmed = uri.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
