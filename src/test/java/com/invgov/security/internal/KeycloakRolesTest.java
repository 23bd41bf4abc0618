package com.invgov.security.internal;

import com.invgov.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRolesTest {

    @Test
    void realmRolesThatAreOursBecomeAuthoritiesAndKeycloaksOwnAreIgnored() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles",
                List.of("OPERATOR", "offline_access", "default-roles-invgov", "uma_authorization", "quality")));

        assertThat(KeycloakRoles.roles(claims)).containsExactlyInAnyOrder(Role.OPERATOR, Role.QUALITY);
        assertThat(KeycloakRoles.authorities(claims)).extracting(a -> a.getAuthority())
                .containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_QUALITY");
    }

    @Test
    void clientRolesDoNotCount() {
        Map<String, Object> claims = Map.of("resource_access", Map.of("invgov-console", Map.of("roles",
                List.of("ADMIN"))));

        assertThat(KeycloakRoles.roles(claims)).isEmpty();
    }

    @Test
    void aMalformedClaimGivesNoRoles() {
        assertThat(KeycloakRoles.roles(Map.of("realm_access", "ADMIN"))).isEmpty();
        assertThat(KeycloakRoles.roles(Map.of("realm_access", Map.of("roles", "ADMIN")))).isEmpty();
        assertThat(KeycloakRoles.roles(Map.of())).isEmpty();
    }

    @Test
    void theUserIsNamedByPreferredUsernameElseBySubject() {
        assertThat(KeycloakRoles.username(Map.of("preferred_username", "olga", "sub", "41815854")))
                .contains("olga");
        assertThat(KeycloakRoles.username(Map.of("sub", "41815854"))).contains("41815854");
    }
}
