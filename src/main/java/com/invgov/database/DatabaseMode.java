package com.invgov.database;

/** Where the product's data lives. */
public enum DatabaseMode {
    /** PostgreSQL started by the application itself, data under {@code invgov.data-dir}. */
    EMBEDDED,
    /** A PostgreSQL the plant runs, given by {@code spring.datasource.url}. */
    EXTERNAL
}
