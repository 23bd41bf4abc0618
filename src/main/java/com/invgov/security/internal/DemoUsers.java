package com.invgov.security.internal;

import com.invgov.database.DemoDataCondition;
import com.invgov.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo plant's users (demo-plant/users.csv), all with the password {@code demo}: seeded once into an
 * empty user table, in the embedded default only, and announced with a warning at every start. Local mode only:
 * in keycloak mode the demo users live in the realm (deploy/keycloak/realm-invgov.json).
 */
@Component
@Conditional(DemoDataCondition.class)
@SecurityModes.Local
@Order(0)
class DemoUsers implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final LocalUsers users;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;

    DemoUsers(LocalUsers users, PasswordEncoder passwords, TransactionTemplate transaction) {
        this.users = users;
        this.passwords = passwords;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        transaction.executeWithoutResult(tx -> {
            if (users.isEmpty()) {
                int seeded = seed();
                log.info("Seeded {} demo users from demo-plant/users.csv", seeded);
            }
        });
        log.warn("DEMO USERS ARE ACTIVE: the demo plant's users (ada, olga, ivan, ...) sign in with the password "
                + "'{}'. This is the embedded default for trying invgov out; do not run a plant on it.", DEMO_PASSWORD);
    }

    private int seed() {
        String hash = passwords.encode(DEMO_PASSWORD);
        int count = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo-plant/users.csv").getInputStream(), StandardCharsets.UTF_8))) {
            String line = reader.readLine(); // header: username,roles,site
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Set<Role> roles = Arrays.stream(cells[1].split(";"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
                String site = cells.length > 2 && !cells[2].isBlank() ? cells[2].trim() : null;
                users.create(cells[0].trim(), hash, site, roles);
                count++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo-plant/users.csv", e);
        }
        return count;
    }
}
