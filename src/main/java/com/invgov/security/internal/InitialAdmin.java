package com.invgov.security.internal;

import com.invgov.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.EnumSet;

/**
 * Local mode on a new database without the demo plant: the first ADMIN comes from {@code INVGOV_ADMIN_USERNAME}
 * and {@code INVGOV_ADMIN_PASSWORD} ({@code invgov.security.initial-admin.*}), created only while the user table
 * is empty. Without them such an installation has nobody who can sign in, which the log then says.
 */
@Component
@SecurityModes.Local
@Order(1)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    static final int MIN_PASSWORD_LENGTH = 12;

    private final LocalUsers users;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final String username;
    private final String password;

    InitialAdmin(LocalUsers users, PasswordEncoder passwords, TransactionTemplate transaction,
                 @Value("${invgov.security.initial-admin.username:${INVGOV_ADMIN_USERNAME:}}") String username,
                 @Value("${invgov.security.initial-admin.password:${INVGOV_ADMIN_PASSWORD:}}") String password) {
        this.users = users;
        this.passwords = passwords;
        this.transaction = transaction;
        this.username = username.trim();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(tx -> {
            if (!users.isEmpty()) {
                return;
            }
            if (username.isEmpty() || password.isEmpty()) {
                log.warn("No users yet: set INVGOV_ADMIN_USERNAME and INVGOV_ADMIN_PASSWORD to create the first ADMIN");
                return;
            }
            if (password.length() < MIN_PASSWORD_LENGTH) {
                throw new IllegalStateException("INVGOV_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH
                        + " characters");
            }
            users.create(username, passwords.encode(password), null, EnumSet.of(Role.ADMIN));
            log.info("Created the first ADMIN user '{}'", username);
        });
    }
}
