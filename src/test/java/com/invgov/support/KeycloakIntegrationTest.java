package com.invgov.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application in keycloak security mode against a real Keycloak ({@link KeycloakServer}, started once
 * per test JVM with deploy/keycloak/realm-invgov.json), on a fixed port and a database of its own, with the demo
 * plant's data (its users are Keycloak's). Every test class with this annotation shares one Spring context; it
 * is a second context next to {@link IntegrationTest}'s. The context's {@code Clock} is a
 * {@link KeycloakTestSupport.MovableClock}, and {@code /api/test/**} offers probes of the signed-in user.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "invgov.security.mode=keycloak",
        "invgov.demo.enabled=true",
        "camunda.bpm.job-execution.enabled=false"
})
@ContextConfiguration(initializers = KeycloakTestContext.class)
@Import(KeycloakTestSupport.class)
public @interface KeycloakIntegrationTest {
}
