package com.invgov.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The application roles of DESIGN §7. BPMN candidate groups use these names; Spring Security sees them as
 * authorities {@code ROLE_<name>}.
 */
public enum Role {
    OPERATOR, QUALITY, INVENTORY_CONTROLLER, FINANCE, ENGINEER, PLANNER, ADMIN, AUDITOR, INTEGRATION;

    public static final String PREFIX = "ROLE_";

    public String authority() {
        return PREFIX + name();
    }

    /** The role of an authority or a plain name, if it is one of ours. */
    public static Optional<Role> parse(String nameOrAuthority) {
        String name = nameOrAuthority.startsWith(PREFIX) ? nameOrAuthority.substring(PREFIX.length()) : nameOrAuthority;
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
