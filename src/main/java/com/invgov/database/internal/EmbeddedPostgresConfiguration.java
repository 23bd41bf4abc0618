package com.invgov.database.internal;

import com.invgov.database.EmbeddedDatabaseCondition;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The embedded default: with no {@code spring.datasource.url}, start PostgreSQL from the binaries on the
 * classpath with its data in {@code invgov.data-dir}. The pool depends on the server, and the engine on the
 * pool, so Spring closes them in the right order: engine, pool, then the server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(@Value("${invgov.data-dir:./data}") Path dataDir,
                                                  @Value("${invgov.embedded-db.durable:true}") boolean durable) {
        return EmbeddedPostgresServer.start(dataDir, durable);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.postgresql.Driver");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPoolName("invgov-embedded");
        return dataSource;
    }
}
