package com.invgov.security;

import com.invgov.api.Page;

import java.util.Set;

/**
 * Local users and their roles (DESIGN §7: "manage users (local mode) | ADMIN"; §8 Admin: users/roles in local mode).
 * ADMIN and AUDITOR read every account, anyone reads their own; only an ADMIN changes them. In keycloak mode users and
 * roles live in Keycloak: reads answer nothing and changes are 409.
 */
public interface Users {

    /** Whether users are managed here (local mode), not in Keycloak. */
    boolean managedHere();

    /** Accounts by username; {@code after} is the {@code next} of the page before. */
    Page<UserAccount> users(String after, int limit);

    /** One account; 404 when there is none (or in keycloak mode). */
    UserAccount user(String username);

    /**
     * Creates or replaces a user: the roles (at least one) and site as given; the enabled flag and the password are
     * kept when null (a new user is enabled; its password is required). An ADMIN cannot disable themselves or give up their own
     * ADMIN role, and one enabled ADMIN always remains (409). Takes effect at once on this node: a disabled user's
     * console sessions end and their remembered API sign-ins are forgotten (other nodes: within the sign-in cache's
     * 3 minutes).
     */
    Saved save(String username, Change change);

    /**
     * The ADMINs who created this user as an ADMIN, gave them the ADMIN role or set their password (local mode; empty
     * in keycloak mode): whoever holds such an account may be that ADMIN, so it is no second pair of eyes on their
     * work (four-eyes publishing of rules and processes).
     */
    Set<String> vouchedBy(String username);

    /** What an ADMIN sets; {@code enabled} null keeps what it was (true for a new user), as a null password does. */
    record Change(Set<Role> roles, String site, Boolean enabled, String password) {
    }

    record Saved(UserAccount account, boolean created) {
    }
}
