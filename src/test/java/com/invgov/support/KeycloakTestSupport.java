package com.invgov.support;

import com.invgov.api.ProblemType;
import com.invgov.api.Problems;
import com.invgov.security.CurrentUser;
import com.invgov.security.NotPermitted;
import com.invgov.security.Role;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** Beans of the {@link KeycloakIntegrationTest} context only. */
@TestConfiguration(proxyBeanMethods = false)
public class KeycloakTestSupport {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    @Bean
    KeycloakServer keycloakServer() {
        return KeycloakServer.running();
    }

    /** The system clock, moved forward by a test (and back after it). */
    public static final class MovableClock extends Clock {

        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        public void moveForward(Duration by) {
            offset.set(by);
        }

        public void reset() {
            offset.set(Duration.ZERO);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }

    /**
     * (Registered as a member class of this configuration, so only in this context.) What the service layer sees of the caller, through {@link CurrentUser} as every service does: its name, its
     * roles, and the role check of a stock write (the roles that post movements, DESIGN §7).
     */
    @RestController
    @RequestMapping("/api/test")
    public static class SignedInProbe {

        private final CurrentUser user;

        SignedInProbe(CurrentUser user) {
            this.user = user;
        }

        public record Caller(String username, Set<Role> roles) {
        }

        @GetMapping("/caller")
        Caller caller() {
            return new Caller(user.requireUsername(), user.roles());
        }

        @PostMapping("/stock-write")
        Caller stockWrite() {
            user.requireAnyRole("post a movement", Role.OPERATOR, Role.INTEGRATION, Role.ADMIN);
            return caller();
        }

        @ExceptionHandler(NotPermitted.class)
        ProblemDetail notPermitted(NotPermitted e) {
            return Problems.of(ProblemType.FORBIDDEN, e.getMessage());
        }
    }
}
