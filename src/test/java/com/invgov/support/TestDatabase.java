package com.invgov.support;

import com.invgov.database.internal.EmbeddedPostgresServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One real PostgreSQL for the whole test JVM: a Testcontainers container where a Docker engine is reachable,
 * otherwise an embedded server in a temporary directory (fsync off: test data need not survive a crash).
 * Force one with {@code -Dinvgov.test.db=embedded|testcontainers}.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** JDBC URL, user and password of the shared database. */
    public record Connection(String url, String username, String password) {
    }

    private static volatile Connection connection;
    /** Contexts on the database that are still open: the server is stopped only after the last one closed. */
    private static final java.util.concurrent.atomic.AtomicInteger OPEN_CONTEXTS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        track(context);
        Connection c = connection();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("invgov-test-database", Map.of(
                "spring.datasource.url", c.url(),
                "spring.datasource.username", c.username(),
                "spring.datasource.password", c.password())));
    }

    /** Keeps the server up until this context has closed (call it for every context that uses the database). */
    public static void track(ConfigurableApplicationContext context) {
        OPEN_CONTEXTS.incrementAndGet();
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent closed
                    && closed.getApplicationContext() == context) {
                OPEN_CONTEXTS.decrementAndGet();
            }
        });
    }

    /** A new, empty database of this name on the shared server (dropped first if a previous run left it). */
    public static Connection freshDatabase(String name) {
        Connection shared = connection();
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)")
                .matcher(shared.url());
        if (!url.matches()) {
            throw new IllegalStateException("unexpected JDBC URL " + shared.url());
        }
        try (var c = java.sql.DriverManager.getConnection(shared.url(), shared.username(), shared.password());
             var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the database " + name, e);
        }
        return new Connection(url.group(1) + name + url.group(3), shared.username(), shared.password());
    }

    /**
     * Command-line arguments that start the whole product on this database, as a node of its own (own engine name,
     * no job executor, no demo data, a free port), followed by the extra ones.
     */
    public static String[] nodeArguments(Connection db, String node, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--invgov.demo.enabled=false",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.process-engine-name=" + node,
                "--spring.main.banner-mode=off",
                "--server.port=0"));
        args.addAll(java.util.List.of(extra));
        return args.toArray(String[]::new);
    }

    public static synchronized Connection connection() {
        if (connection == null) {
            connection = start();
        }
        return connection;
    }

    private static Connection start() {
        String choice = System.getProperty("invgov.test.db", "auto");
        if (choice.equals("testcontainers") || (choice.equals("auto") && dockerAvailable())) {
            return Containers.start();
        }
        try {
            Path dir = Files.createTempDirectory("invgov-test-db");
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    // Spring closes the cached test contexts in its own shutdown hook, at the same time as this
                    // one: let them finish with the database before it goes away.
                    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
                    while (OPEN_CONTEXTS.get() > 0 && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                        java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                    }
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Connection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /** Kept apart so the Testcontainers classes load only when Docker is there. */
    private static final class Containers {
        static Connection start() {
            var postgres = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:17-alpine")
                    .withDatabaseName("invgov")
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=200");
            postgres.start();
            return new Connection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        }
    }
}
