package com.invgov.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.api.ProblemType;
import com.invgov.api.Problems;
import com.invgov.security.Role;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.util.Arrays;

/**
 * The filter chains in front of the console's (which the console module adds, Vaadin's): the API (stateless,
 * no CSRF, problem details on refusal) and the actuator (health is public). The authentication mechanism
 * depends on the security mode ({@link ApiSignIn}): HTTP Basic against the local users, or Keycloak's JWT
 * bearer tokens and nothing else.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurityConfiguration {

    static final String[] API_PATHS = {"/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};
    static final String[] ANY_ROLE = Arrays.stream(Role.values()).map(Role::authority).toArray(String[]::new);
    static final String[] FEED_READERS = Arrays.stream(Role.values()).filter(role -> role != Role.OPERATOR)
            .map(Role::authority).toArray(String[]::new);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * A URL the firewall refuses (an encoded '%', ';', line break or "..") or a header value it refuses while a
     * filter reads it (non-ASCII) is a 400 problem, not a redirect to the sign-in page: nothing ran, and a client
     * should learn why. Header values read later, by a controller, are answered alike by the API's advice.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler problemRequestRejected(ObjectMapper json) {
        return (request, response, e) -> {
            org.springframework.http.ProblemDetail problem = Problems.of(ProblemType.VALIDATION,
                    "The request is not allowed: " + e.getMessage());
            response.setStatus(ProblemType.VALIDATION.status().value());
            response.setContentType(Problems.PROBLEM_JSON.toString());
            json.writeValue(response.getOutputStream(), problem);
        };
    }

    @Bean
    AccessDeniedHandler problemAccessDenied(ObjectMapper json) {
        return (request, response, e) -> Problems.write(json, request, response, ProblemType.FORBIDDEN,
                "Your roles do not allow this.");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiSignIn signIn, AccessDeniedHandler problemAccessDenied)
            throws Exception {
        signIn.configure(http);
        http.securityMatcher(API_PATHS)
                // signed in is not enough: a user holding none of our roles (a Keycloak account nobody gave an
                // invgov role) is refused with 403 rather than let in to find nothing
                .authorizeHttpRequests(requests -> requests
                        // the change feed carries every adjustment's system quantity: counts are blind (DESIGN
                        // §5.2), so a counter who is nothing else does not read it
                        .requestMatchers("/api/v1/events", "/api/v1/events/**").hasAnyAuthority(FEED_READERS)
                        .anyRequest().hasAnyAuthority(ANY_ROLE))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.accessDeniedHandler(problemAccessDenied));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http, ApiSignIn signIn) throws Exception {
        signIn.configure(http);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
