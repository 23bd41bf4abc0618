package com.invgov.security;

import com.invgov.InvgovApplication;
import com.invgov.support.Api;
import com.invgov.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An external database without the demo plant gets its first ADMIN from the environment, once. */
class InitialAdminTest {

    @Test
    void theFirstAdminIsCreatedOnAnEmptyDatabaseAndCanSignIn() {
        TestDatabase.Connection db = TestDatabase.freshDatabase("invgov_initial_admin");

        try (var app = new SpringApplicationBuilder(InvgovApplication.class).run(TestDatabase.nodeArguments(db,
                "initialAdmin",
                "--invgov.security.initial-admin.username=plant-admin",
                "--invgov.security.initial-admin.password=a-long-secret-42"))) {
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
