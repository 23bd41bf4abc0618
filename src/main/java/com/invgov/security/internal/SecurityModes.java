package com.invgov.security.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@code invgov.security.mode}: {@code local} (the default) or {@code keycloak}. */
final class SecurityModes {

    static final String PROPERTY = "invgov.security.mode";

    private SecurityModes() {
    }

    /** Beans of local mode: users in the database, form login and HTTP Basic. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @ConditionalOnProperty(name = PROPERTY, havingValue = "local", matchIfMissing = true)
    @interface Local {
    }

    /** Beans of keycloak mode: OIDC login for the console, JWT bearer tokens for the API. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @ConditionalOnProperty(name = PROPERTY, havingValue = "keycloak")
    @interface Keycloak {
    }
}
