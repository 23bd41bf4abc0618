package com.invgov.security.internal;

import com.invgov.api.Conflict;
import com.invgov.api.Cursor;
import com.invgov.api.FieldProblem;
import com.invgov.api.NotFound;
import com.invgov.api.Page;
import com.invgov.api.ValidationFailed;
import com.invgov.security.CurrentUser;
import com.invgov.security.NotPermitted;
import com.invgov.security.Role;
import com.invgov.security.UserAccount;
import com.invgov.security.UserChanged;
import com.invgov.security.Users;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@link Users} of local mode on {@code app_user}; in keycloak mode it manages nothing (Keycloak does). */
@Service
class UserAdministration implements Users {

    /** Letters, digits and {@code . _ @ -}, starting with a letter or digit: a sign-in name and a ledger actor. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    /** BCrypt reads at most 72 bytes of a password (and Spring's encoder refuses more). */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final int MAX_SITE = 20;

    private final JdbcClient jdbc;
    private final CurrentUser user;
    private final PasswordEncoder passwords;
    private final ObjectProvider<LocalUsers> localUsers;
    private final ObjectProvider<CachedPasswordCheck> signIns;
    private final ObjectProvider<ConsoleSessions> sessions;
    private final ApplicationEventPublisher events;

    UserAdministration(JdbcClient jdbc, CurrentUser user, PasswordEncoder passwords,
                       ObjectProvider<LocalUsers> localUsers, ObjectProvider<CachedPasswordCheck> signIns,
                       ObjectProvider<ConsoleSessions> sessions, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.user = user;
        this.passwords = passwords;
        this.localUsers = localUsers;
        this.signIns = signIns;
        this.sessions = sessions;
    }

    @Override
    public boolean managedHere() {
        return localUsers.getIfAvailable() != null;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<UserAccount> users(String after, int limit) {
        user.requireAnyRole("read the users", Role.ADMIN, Role.AUDITOR);
        String from = Cursor.decode(after);
        if (!managedHere()) {
            return new Page<>(List.of(), null);
        }
        List<UserAccount> rows = accounts("WHERE (CAST(? AS varchar) IS NULL OR u.username > ?)",
                "ORDER BY u.username LIMIT ?", from, from, limit + 1);
        return Page.of(rows, limit, UserAccount::username);
    }

    @Override
    @Transactional(readOnly = true)
    public UserAccount user(String username) {
        String me = user.requireUsername();
        if (!me.equals(username) && !user.hasAnyRole(Role.ADMIN, Role.AUDITOR)) {
            throw new NotPermitted("read other users", Set.of(Role.ADMIN, Role.AUDITOR));
        }
        return find(username).orElseThrow(() -> new NotFound("user", username));
    }

    @Override
    @Transactional
    public Saved save(String username, Change change) {
        user.requireAnyRole("manage users", Role.ADMIN);
        String actor = user.requireUsername();
        if (!managedHere()) {
            throw new Conflict("Users and their roles are managed in Keycloak (keycloak mode), not here.");
        }
        String site = change.site() == null || change.site().isBlank() ? null : change.site().strip();
        List<FieldProblem> errors = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(new FieldProblem("username", "1 to 100 letters, digits or . _ @ -, starting with a letter or "
                    + "digit"));
        }
        if (change.roles() == null || change.roles().isEmpty()) {
            errors.add(new FieldProblem("roles", "at least one role: one of " + List.of(Role.values())));
        }
        if (site != null && (site.length() > MAX_SITE || site.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldProblem("site", "at most " + MAX_SITE + " characters, no control characters"));
        }
        if (change.password() != null) {
            passwordProblem(change.password(), username).ifPresent(p -> errors.add(new FieldProblem("password", p)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("The user has invalid fields.", errors);
        }

        // one change of users at a time: two ADMINs taking each other's ADMIN role would otherwise both pass the
        // "one ADMIN remains" check
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('invgov:app_user', 0))").query((rs, n) -> n).list();
        Optional<UserAccount> before = find(username);
        if (before.isEmpty()) {
            if (change.password() == null) {
                throw new ValidationFailed("password", "required for a new user (at least "
                        + InitialAdmin.MIN_PASSWORD_LENGTH + " characters)");
            }
            jdbc.sql("SELECT username FROM app_user WHERE lower(username) = lower(?)").param(username)
                    .query(String.class).optional().ifPresent(other -> {
                        throw new Conflict("There is a user " + other + " already: user names differ in more than "
                                + "upper and lower case.");
                    });
        }
        boolean enabled = change.enabled() != null ? change.enabled() : before.map(UserAccount::enabled).orElse(true);
        boolean staysAdmin = enabled && change.roles().contains(Role.ADMIN);
        if (username.equals(actor) && !staysAdmin) {
            throw new Conflict("You cannot disable yourself or give up your own ADMIN role: another ADMIN can.");
        }
        if (!staysAdmin && before.map(b -> b.enabled() && b.roles().contains(Role.ADMIN)).orElse(false)
                && otherEnabledAdmins(username) == 0) {
            throw new Conflict(username + " is the last enabled ADMIN: one must remain.");
        }

        String hash = change.password() == null ? null : passwords.encode(change.password());
        if (before.isEmpty()) {
            jdbc.sql("INSERT INTO app_user (username, password_hash, site, enabled) VALUES (?, ?, ?, ?)")
                    .params(username, hash, site, enabled).update();
        } else {
            jdbc.sql("UPDATE app_user SET site = ?, enabled = ?, password_hash = coalesce(?, password_hash) "
                    + "WHERE username = ?").params(site, enabled, hash, username).update();
            jdbc.sql("DELETE FROM app_user_role WHERE username = ?").param(username).update();
        }
        boolean grantsAdmin = change.roles().contains(Role.ADMIN)
                && (before.isEmpty() || !before.get().roles().contains(Role.ADMIN));
        if (hash != null || grantsAdmin) {
            // the actor knows this account's password now, or made it an ADMIN: it is no second pair of eyes on them
            jdbc.sql("UPDATE app_user SET vouched_by = array_append(array_remove(vouched_by, ?), ?) "
                    + "WHERE username = ?").params(actor, actor, username).update();
        }
        for (Role role : EnumSet.copyOf(change.roles())) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)").params(username, role.name()).update();
        }
        UserAccount after = find(username).orElseThrow();
        events.publishEvent(new UserChanged(actor, before.orElse(null), after, hash != null));
        boolean signInChanged = before.isEmpty() || hash != null || before.get().enabled() != after.enabled()
                || !before.get().roles().equals(after.roles());
        if (signInChanged) {
            afterCommit(() -> {
                signIns.ifAvailable(cache -> cache.forget(username));
                if (before.isPresent()) {
                    // the roles of an open session are those of its sign-in: it signs in again
                    sessions.ifAvailable(s -> s.end(username));
                }
            });
        }
        return new Saved(after, before.isEmpty());
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> vouchedBy(String username) {
        if (!managedHere()) {
            return Set.of();
        }
        return jdbc.sql("SELECT vouched_by FROM app_user WHERE username = ?").param(username)
                .query((rs, n) -> Set.of((String[]) rs.getArray(1).getArray())).optional().orElse(Set.of());
    }

    /** Why a new password is refused, if it is. */
    static Optional<String> passwordProblem(String password, String username) {
        if (password.codePointCount(0, password.length()) < InitialAdmin.MIN_PASSWORD_LENGTH) {
            return Optional.of("at least " + InitialAdmin.MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
        }
        if (password.isBlank()) {
            return Optional.of("not only spaces");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("no control characters");
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of("not the user name");
        }
        return Optional.empty();
    }

    private long otherEnabledAdmins(String username) {
        return jdbc.sql("""
                        SELECT count(*) FROM app_user u JOIN app_user_role r ON r.username = u.username
                        WHERE r.role = 'ADMIN' AND u.enabled AND u.username <> ?""")
                .param(username).query(Long.class).single();
    }

    private Optional<UserAccount> find(String username) {
        return accounts("WHERE u.username = ?", "", username).stream().findFirst();
    }

    private List<UserAccount> accounts(String where, String order, Object... params) {
        return jdbc.sql("""
                        SELECT u.username, u.site, u.enabled, u.created_at,
                               coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}')
                        FROM app_user u LEFT JOIN app_user_role r ON r.username = u.username
                        """ + where + " GROUP BY u.username " + order)
                .params(params)
                .query((rs, n) -> {
                    List<Role> roles = new ArrayList<>();
                    for (String role : (String[]) rs.getArray(5).getArray()) {
                        Role.parse(role).ifPresent(roles::add);
                    }
                    return new UserAccount(rs.getString(1), roles, rs.getString(2), rs.getBoolean(3),
                            rs.getTimestamp(4).toInstant());
                })
                .list();
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
