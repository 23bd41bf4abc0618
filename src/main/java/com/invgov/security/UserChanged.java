package com.invgov.security;

/**
 * An ADMIN created or changed a local user: published in the change's transaction (the audit trail records it with
 * it). Never carries a password; {@code passwordChanged} says whether one was set.
 *
 * @param before null for a new user
 */
public record UserChanged(String actor, UserAccount before, UserAccount after, boolean passwordChanged) {
}
