package com.invgov.database;

import com.invgov.database.internal.EmbeddedPostgresServer;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With spring.datasource.url set (as the tests do) invgov uses that PostgreSQL and starts none of its own. */
@IntegrationTest
class ExternalDatabaseTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DatabaseDescription database;
    @Autowired
    JdbcClient jdbc;

    @Test
    void startsNoEmbeddedServerAndSaysSo() {
        assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
        assertThat(database.describe().mode()).isEqualTo(DatabaseMode.EXTERNAL);
        assertThat(database.describe().dataDirectory()).isNull();
    }

    @Test
    void flywayOwnsTheApplicationSchemaAndCamundaItsOwnTables() {
        assertThat(jdbc.sql("SELECT count(*) FROM invgov.flyway_schema_history WHERE success").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name = 'act_ru_execution'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'invgov' "
                + "AND table_name LIKE 'act_%'").query(Long.class).single()).isZero();
    }
}
