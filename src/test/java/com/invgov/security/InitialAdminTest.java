package com.invgov.security;

import com.invgov.InvgovApplication;
import com.invgov.support.Api;
import com.invgov.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import java.sql.DriverManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** An external database without the demo plant gets its first ADMIN from the environment, once. */
class InitialAdminTest {

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    @Test
    void theFirstAdminIsCreatedOnAnEmptyDatabaseAndCanSignIn() throws Exception {
        TestDatabase.Connection shared = TestDatabase.connection();
        String database = "invgov_initial_admin";
        try (var c = DriverManager.getConnection(shared.url(), shared.username(), shared.password());
             var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        Matcher url = JDBC_URL.matcher(shared.url());
        assertThat(url.matches()).isTrue();

        try (var app = new SpringApplicationBuilder(InvgovApplication.class).run(
                "--spring.datasource.url=" + url.group(1) + database + url.group(3),
                "--spring.datasource.username=" + shared.username(),
                "--spring.datasource.password=" + shared.password(),
                "--invgov.security.initial-admin.username=plant-admin",
                "--invgov.security.initial-admin.password=a-long-secret-42",
                "--invgov.demo.enabled=false",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.process-engine-name=initialAdmin",
                "--spring.main.banner-mode=off",
                "--server.port=0")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            RestClient client = Api.anonymous(port);
            assertThat(client.get().uri("/api/v1/system")
                    .header(HttpHeaders.AUTHORIZATION, Api.basic("plant-admin", "a-long-secret-42"))
                    .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
            assertThat(client.get().uri("/api/v1/system")
                    .header(HttpHeaders.AUTHORIZATION, Api.basic("ada", "demo"))
                    .retrieve().toBodilessEntity().getStatusCode().value()).as("no demo users here").isEqualTo(401);
        }
    }
}
