/**
 * The database the product runs on: an embedded PostgreSQL with a persistent data directory when no
 * {@code spring.datasource.url} is given (the embedded default), otherwise the external one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package com.invgov.database;
