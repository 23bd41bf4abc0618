package com.invgov.audit;

import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AuditTrail#record} writes in the caller's transaction: an entry exists exactly when the change it
 * describes committed; there is no entry without a transaction, and none for a change that changed nothing.
 */
@IntegrationTest
class AuditTrailTransactionTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anEntryCommitsAndRollsBackWithTheChangeItDescribes() {
        signIn("ada");
        String subject = "tx-" + UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(status -> {
            trail.record("TEST_CHANGED", "test", subject, Map.of("v", 1), Map.of("v", 2), "kept");
            status.setRollbackOnly();
        });
        assertThat(rows(subject)).isEmpty();

        tx.executeWithoutResult(status ->
                assertThat(trail.record("TEST_CHANGED", "test", subject, Map.of("v", 1), Map.of("v", 2), "kept"))
                        .isTrue());
        assertThat(rows(subject)).containsExactly("ada TEST_CHANGED kept");
    }

    @Test
    void nothingIsRecordedOutsideATransactionOrWhenNothingChanged() {
        signIn("ada");
        String subject = "tx-" + UUID.randomUUID();
        assertThatThrownBy(() -> trail.record("TEST_CHANGED", "test", subject, null, Map.of("v", 1), null))
                .isInstanceOf(IllegalTransactionStateException.class);
        new TransactionTemplate(transactions).executeWithoutResult(status -> assertThat(trail.record("TEST_CHANGED",
                "test", subject, Map.of("cost", new java.math.BigDecimal("0.260000")),
                Map.of("cost", new java.math.BigDecimal("0.26")), null)).isFalse());
        assertThat(rows(subject)).isEmpty();
    }

    private List<String> rows(String subject) {
        return jdbc.sql("SELECT actor || ' ' || action || ' ' || coalesce(note, '') FROM audit_entry "
                + "WHERE subject_type = 'test' AND subject_id = ?").param(subject).query(String.class).list();
    }

    private static void signIn(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }
}
