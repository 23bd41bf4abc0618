package com.invgov.database;

import com.invgov.database.internal.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps the plant's data: durable settings, data kept across restarts. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void runsDurablyAndKeepsDataAcrossARestart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, true)) {
            try (Connection c = connect(server); Statement s = c.createStatement()) {
                assertThat(single(s, "SHOW fsync")).isEqualTo("on");
                assertThat(single(s, "SHOW synchronous_commit")).isEqualTo("on");
                assertThat(single(s, "SHOW full_page_writes")).isEqualTo("on");
                assertThat(single(s, "SELECT current_database()")).isEqualTo("invgov");
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('written before the restart')");
            }
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, true);
             Connection c = connect(server); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT note FROM kept")).isEqualTo("written before the restart");
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
