package com.invgov.security.internal;

import com.invgov.security.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keycloak realm roles to application roles: the {@code realm_access.roles} claim of an access token, each name
 * that is one of {@link Role} (case-insensitive) becoming the authority {@code ROLE_<NAME>}. Everything else -
 * Keycloak's {@code default-roles-invgov}, {@code offline_access}, {@code uma_authorization}, client roles, other
 * applications' roles - is ignored.
 */
final class KeycloakRoles {

    static final String CLAIM = "realm_access";
    /** The user name the ledger, tasks and audit trail record. */
    static final String USERNAME_CLAIM = "preferred_username";

    private KeycloakRoles() {
    }

    static Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claims.get(CLAIM) instanceof Map<?, ?> realmAccess && realmAccess.get("roles") instanceof Collection<?> names) {
            for (Object name : names) {
                if (name instanceof String s) {
                    Role.parse(s.trim().toUpperCase(Locale.ROOT)).ifPresent(roles::add);
                }
            }
        }
        return roles;
    }

    static Set<GrantedAuthority> authorities(Map<String, Object> claims) {
        return roles(claims).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code preferred_username}, or the subject when a realm does not issue it. */
    static Optional<String> username(Map<String, Object> claims) {
        Object name = claims.get(USERNAME_CLAIM);
        if (name instanceof String s && !s.isBlank()) {
            return Optional.of(s);
        }
        return Optional.ofNullable(claims.get("sub")).map(Object::toString);
    }
}
