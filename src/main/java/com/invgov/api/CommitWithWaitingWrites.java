package com.invgov.api;

import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import javax.sql.DataSource;

/**
 * The application's transaction manager: Spring's JDBC one, except that rows still waiting in {@link DeferredWrites}
 * when a transaction commits travel in one message with its COMMIT (a round trip less for every call that ends
 * with deferred rows: a count, an adjustment, a posting's idempotency key). It commits at the very end, after every
 * before-commit and before-completion step, so nothing another step writes can fall behind the COMMIT; the
 * driver then finds the connection idle and its own commit sends nothing.
 */
final class CommitWithWaitingWrites extends JdbcTransactionManager {

    CommitWithWaitingWrites(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        // only a transaction that owns the current synchronizations owns the queue found there
        if (status.isNewSynchronization() && status.getTransaction() instanceof JdbcTransactionObjectSupport tx
                && tx.hasConnectionHolder()) {
            DeferredWrites.sendWithCommit(tx.getConnectionHolder().getConnection());
        }
        super.doCommit(status);
    }

    /** Takes the place of Boot's {@code JdbcTransactionManager} (same customizers). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        JdbcTransactionManager transactionManager(DataSource dataSource,
                                                  ObjectProvider<TransactionManagerCustomizers> customizers) {
            CommitWithWaitingWrites manager = new CommitWithWaitingWrites(dataSource);
            customizers.ifAvailable(c -> c.customize(manager));
            return manager;
        }
    }
}
