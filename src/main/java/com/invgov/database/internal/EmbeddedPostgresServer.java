package com.invgov.database.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL server run from zonky's binaries, with a persistent data directory.
 *
 * <p>zonky's defaults are for throw-away test databases (no fsync, asynchronous commit, data directory
 * deleted on close, a JVM shutdown hook). Here the data is the plant's, so the server runs durably, keeps
 * its directory and is stopped by Spring, after everything that uses it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "invgov";
    public static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the server on the given data directory, creating it (and the {@code invgov} database) when new.
     *
     * @param durable {@code fsync} and {@code synchronous_commit} on; only tests may turn them off
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
        Path dir = dataDirectory.toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(dir.getParent());
            boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
            String sync = durable ? "on" : "off";
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", sync)
                    .setServerConfig("synchronous_commit", sync)
                    .setServerConfig("full_page_writes", sync)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dir);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL {} on port {}, data directory {} ({})", server.serverVersion(),
                    postgres.getPort(), dir, fresh ? "new" : "existing");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dir
                    + " (is another invgov using this data directory?)", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + DATABASE, e);
        }
    }

    private String serverVersion() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SHOW server_version");
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        log.info("Stopping the embedded PostgreSQL ({})", dataDirectory);
        postgres.close();
    }
}
