package com.invgov.audit.internal;

import com.invgov.audit.AuditTrail;
import com.invgov.security.Role;
import com.invgov.security.UserAccount;
import com.invgov.security.UserChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Users an ADMIN created or changed (the security module publishes {@link UserChanged} in the change's transaction,
 * this writes the entry in it): roles, site, enabled, and whether a password was set — never the password.
 */
@Component
class UserChanges {

    private final AuditTrail trail;

    UserChanges(AuditTrail trail) {
        this.trail = trail;
    }

    /** As the entry shows a user: the account, and whether this change set a password. */
    record Shown(String username, List<Role> roles, String site, boolean enabled, boolean passwordSet) {

        static Shown of(UserAccount account, boolean passwordSet) {
            return account == null ? null : new Shown(account.username(), account.roles(), account.site(),
                    account.enabled(), passwordSet);
        }
    }

    @EventListener
    void on(UserChanged change) {
        trail.record(change.before() == null ? "USER_CREATED" : "USER_CHANGED", AuditTrail.USER,
                change.after().username(), Shown.of(change.before(), false),
                Shown.of(change.after(), change.passwordChanged()), null);
    }
}
