package com.invgov.security;

import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Local mode (the default) stays as it was: HTTP Basic with the demo users, and nothing of OAuth2 is active. */
@IntegrationTest
class LocalModeSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theApiTakesHttpBasicWithTheDemoUsers() {
        ResponseEntity<String> system = Api.as(port, "olga").get().uri("/api/v1/system").retrieve()
                .toEntity(String.class);
        assertThat(system.getStatusCode().value()).isEqualTo(200);
        // where the database lives is for administrators and auditors
        assertThat(system.getBody()).contains("\"serverVersion\"").doesNotContain("jdbc:");
        assertThat(Api.as(port, "audrey").get().uri("/api/v1/system").retrieve().body(String.class))
                .contains("jdbc:postgresql:");
        ResponseEntity<String> wrong = Api.anonymous(port).get().uri("/api/v1/system")
                .header(HttpHeaders.AUTHORIZATION, Api.basic("olga", "not-demo")).retrieve().toEntity(String.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void aBearerTokenMeansNothingInLocalMode() {
        ResponseEntity<String> refused = Api.anonymous(port).get().uri("/api/v1/system")
                .header(HttpHeaders.AUTHORIZATION, "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln").retrieve()
                .toEntity(String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void noOAuth2ClientOrTokenDecoderExists() {
        assertThat(context.getBeanNamesForType(ClientRegistrationRepository.class)).isEmpty();
        assertThat(context.getBeanNamesForType(JwtDecoder.class)).isEmpty();
    }
}
