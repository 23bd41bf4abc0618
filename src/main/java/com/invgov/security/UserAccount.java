package com.invgov.security;

import java.time.Instant;
import java.util.List;

/**
 * A local user as an ADMIN manages it (local mode, DESIGN §7 "manage users"): never the password.
 *
 * @param roles   sorted by name
 * @param site    the plant the user works at, free text (the demo's users.csv), or null
 * @param enabled a disabled user cannot sign in; their open console sessions end
 */
public record UserAccount(String username, List<Role> roles, String site, boolean enabled, Instant createdAt) {

    public UserAccount {
        roles = List.copyOf(roles);
    }
}
