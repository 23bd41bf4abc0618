package com.invgov.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in user as the service layer sees it, in both security modes. Services check roles here, not
 * only views and controllers.
 */
@Component
public class CurrentUser {

    /**
     * The holder this application's filters write to. Not the static {@link SecurityContextHolder}: Vaadin installs
     * its own holder JVM-wide, so where one JVM runs two application contexts (tests of two nodes) the static one
     * belongs to whichever started last.
     */
    private final SecurityContextHolderStrategy holder;

    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> holder) {
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** The user id written to the ledger, tasks and audit trail. */
    public Optional<String> username() {
        return authentication().map(Authentication::getName);
    }

    public String requireUsername() {
        return username().orElseThrow(() -> new NotSignedIn());
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        authentication().ifPresent(a -> a.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(Role::parse)
                .flatMap(Optional::stream)
                .forEach(roles::add));
        return roles;
    }

    public boolean hasAnyRole(Role... roles) {
        Set<Role> mine = roles();
        for (Role role : roles) {
            if (mine.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link NotPermitted} unless the user holds one of the roles. */
    public void requireAnyRole(String action, Role... roles) {
        if (!hasAnyRole(roles)) {
            throw new NotPermitted(action, Set.of(roles));
        }
    }

    private Optional<Authentication> authentication() {
        Authentication a = holder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(a);
    }

    /** No user is signed in where one must be. */
    public static class NotSignedIn extends com.invgov.api.ApiProblem {
        public NotSignedIn() {
            super(com.invgov.api.ProblemType.UNAUTHORIZED, "not signed in");
        }
    }
}
