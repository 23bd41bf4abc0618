package com.invgov.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.api.ProblemType;
import com.invgov.api.Problems;
import com.invgov.security.ConsoleSignIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.util.Optional;

/** Local mode: HTTP Basic against {@link LocalUsers} for the API, the console's own form login. */
@Configuration(proxyBeanMethods = false)
@SecurityModes.Local
class LocalSecurityConfiguration {

    @Bean
    ApiSignIn basicApiSignIn(ObjectMapper json) {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"invgov\"");
            Problems.write(json, request, response, ProblemType.UNAUTHORIZED,
                    "Sign in with HTTP Basic (local mode) to use the API.");
        };
        return http -> http
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint));
    }

    @Bean
    ConsoleSignIn formConsoleSignIn(SessionRegistry sessions) {
        return new ConsoleSignIn() {
            @Override
            public Optional<String> externalLoginPage() {
                return Optional.empty();
            }

            @Override
            public void configure(HttpSecurity http) throws Exception {
                // the console's login view and Vaadin's form login do the sign-in; each session is registered, so
                // that an ADMIN's change of a user ends that user's sessions (ConsoleSessions)
                http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredUrl("/login"));
            }
        };
    }
}
