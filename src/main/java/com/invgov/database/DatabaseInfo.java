package com.invgov.database;

/**
 * What the System view and the API tell about the database.
 *
 * @param mode          embedded or external
 * @param url           JDBC URL without credentials
 * @param serverVersion PostgreSQL's {@code server_version}
 * @param dataDirectory the embedded server's data directory, {@code null} for an external database
 */
public record DatabaseInfo(DatabaseMode mode, String url, String serverVersion, String dataDirectory) {
}
