package com.invgov.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Local mode: the console sessions of each user (Spring Security's session registry, filled at sign-in), so that a
 * user an ADMIN disabled, or whose password or roles changed, is signed out at their next request instead of
 * keeping the session and the roles it signed in with. Per node: a session lives on the node that holds it.
 */
@Component
@SecurityModes.Local
class ConsoleSessions {

    private final SessionRegistry registry;

    ConsoleSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends every console session of the user on this node (their next request goes to the sign-in). */
    void end(String username) {
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof UserDetails details ? details.getUsername() : String.valueOf(principal);
            if (name.equals(username)) {
                registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @SecurityModes.Local
    static class Registry {

        @Bean
        SessionRegistry consoleSessionRegistry() {
            return new SessionRegistryImpl();
        }

        /** Tells the registry when a session ends (time-out, sign-out), so it does not keep it. */
        @Bean
        HttpSessionEventPublisher consoleSessionEvents() {
            return new HttpSessionEventPublisher();
        }
    }
}
