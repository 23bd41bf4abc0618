package com.invgov.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares the keycloak-mode context: the shared Keycloak (started here on first use), a fixed server port that
 * the realm's console client accepts as redirect target, and a database of its own on the shared test PostgreSQL
 * server ({@link TestDatabase}), so the local-mode tests' data and this context's never meet.
 */
public final class KeycloakTestContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String DATABASE = "invgov_keycloak";
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");
    private static int appPort;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = appPort();
        KeycloakServer keycloak = KeycloakServer.start("http://localhost:" + port);
        TestDatabase.track(context);
        TestDatabase.Connection db = ownDatabase(TestDatabase.connection());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("invgov-keycloak-test", Map.of(
                "server.port", port,
                "invgov.keycloak.issuer-uri", keycloak.issuer(),
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.username(),
                "spring.datasource.password", db.password())));
    }

    /** Chosen once: Keycloak is told it before the application starts on it. */
    static synchronized int appPort() {
        if (appPort == 0) {
            appPort = KeycloakServer.freePort();
        }
        return appPort;
    }

    private static synchronized TestDatabase.Connection ownDatabase(TestDatabase.Connection shared) {
        Matcher url = JDBC_URL.matcher(shared.url());
        if (!url.matches()) {
            throw new IllegalStateException("unexpected JDBC URL " + shared.url());
        }
        try (var connection = DriverManager.getConnection(shared.url(), shared.username(), shared.password());
             var statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + DATABASE, e);
        }
        return new TestDatabase.Connection(url.group(1) + DATABASE + url.group(3), shared.username(),
                shared.password());
    }
}
