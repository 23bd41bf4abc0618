package com.invgov.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs work in a transaction and retries it a bounded number of times when PostgreSQL reports a deadlock or
 * a serialization failure, so those never reach a client. Inside a transaction someone else opened, the work
 * simply joins it (the outermost caller owns the retry).
 */
@Component
public class Transactions {

    static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(Transactions.class);

    private final TransactionTemplate template;

    public Transactions(PlatformTransactionManager manager) {
        this.template = new TransactionTemplate(manager);
    }

    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(work, true);
    }

    /** With {@code runAftermath} false, the caller takes a refusal's after-rollback work (idempotent replays). */
    <T> T inTransaction(Supplier<T> work, boolean runAftermath) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(status -> work.get());
            } catch (ApiProblem e) {
                Runnable aftermath = runAftermath ? e.takeAftermath() : null;
                if (aftermath != null) {
                    template.executeWithoutResult(status -> aftermath.run());
                }
                throw e;
            } catch (ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("transient database conflict, attempt {} of {}: {}", attempt, ATTEMPTS, e.getMessage());
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 5 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
