package com.invgov.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Local users that the demo plant does not have, with the demo password: the demo has one QUALITY user, and an MRB
 * where the proposer may not approve needs a second one.
 */
public final class TestUsers {

    private TestUsers() {
    }

    /** Creates {@code username} with {@code role} (password {@code demo}, copied from a demo user) unless it exists. */
    public static String ensure(JdbcClient jdbc, String username, String role) {
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, site)
                SELECT ?, password_hash, NULL FROM app_user WHERE username = 'quinn' ON CONFLICT DO NOTHING""")
                .param(username).update();
        jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(username, role).update();
        return username;
    }
}
