package com.invgov.database;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Describes the database the product is running on. */
@Service
public class DatabaseDescription {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Environment environment;

    DatabaseDescription(DataSource dataSource, JdbcClient jdbc, Environment environment) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    public DatabaseInfo describe() {
        boolean embedded = EmbeddedDatabaseCondition.isEmbedded(environment);
        String version = jdbc.sql("SHOW server_version").query(String.class).single();
        return new DatabaseInfo(embedded ? DatabaseMode.EMBEDDED : DatabaseMode.EXTERNAL, url(), version,
                embedded ? environment.getProperty("invgov.data-dir", "./data") : null);
    }

    private String url() {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database URL", e);
        }
    }
}
