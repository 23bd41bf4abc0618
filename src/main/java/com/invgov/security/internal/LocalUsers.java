package com.invgov.security.internal;

import com.invgov.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Set;

/** Local mode: users and their roles in the database, passwords as BCrypt hashes. Absent in keycloak mode. */
@Component
@SecurityModes.Local
class LocalUsers implements UserDetailsService {

    private final JdbcClient jdbc;

    LocalUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        record Row(String username, String passwordHash, boolean enabled) {
        }
        Row row = jdbc.sql("SELECT username, password_hash, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        List<SimpleGrantedAuthority> authorities = roles(username).stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return User.withUsername(row.username())
                .password(row.passwordHash())
                .disabled(!row.enabled())
                .authorities(authorities)
                .build();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single() == 0;
    }

    @Transactional
    void create(String username, String passwordHash, String site, Set<Role> roles) {
        jdbc.sql("INSERT INTO app_user (username, password_hash, site) VALUES (?, ?, ?)")
                .params(username, passwordHash, site)
                .update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)").params(username, role.name()).update();
        }
    }

    private List<Role> roles(String username) {
        return jdbc.sql("SELECT role FROM app_user_role WHERE username = ? ORDER BY role")
                .param(username)
                .query(String.class)
                .list()
                .stream()
                .map(Role::valueOf)
                .toList();
    }
}
