package com.invgov.api;

import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deferred writes on the real database: rows wait in their transaction and arrive together, in the order written,
 * with the statement that sends them or at commit; what a rollback or a rolled-back savepoint undoes never arrives.
 */
@IntegrationTest
class DeferredWritesTest {

    private static final String INSERT = "INSERT INTO deferred_writes_test (label) VALUES (?)";

    @Autowired
    DeferredWrites writes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager manager;

    TransactionTemplate tx;

    @BeforeEach
    void table() {
        jdbc.sql("CREATE TABLE deferred_writes_test (id serial PRIMARY KEY, label text NOT NULL UNIQUE)").update();
        tx = new TransactionTemplate(manager);
    }

    @AfterEach
    void dropTable() {
        jdbc.sql("DROP TABLE deferred_writes_test").update();
    }

    @Test
    void rowsWaitInTheirTransactionAndArriveAtCommitInTheOrderWritten() {
        int seenInside = tx.execute(status -> {
            writes.write(INSERT, "first");
            writes.write(INSERT, "second");
            writes.write(INSERT, "third");
            return rows().size();
        });
        assertThat(seenInside).as("nothing sent before the commit").isZero();
        assertThat(rows()).containsExactly("first", "second", "third");
    }

    @Test
    void rowsStillWaitingWhenEveryOtherStepHasRunTravelWithTheCommitInTheSameTransaction() {
        List<Integer> seenBeforeCompletion = new java.util.ArrayList<>();
        tx.executeWithoutResult(status -> {
            writes.write("INSERT INTO deferred_writes_test (label) VALUES ('deferred in ' || txid_current())");
            jdbc.sql("INSERT INTO deferred_writes_test (label) VALUES ('direct in ' || txid_current())").update();
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void beforeCompletion() {
                            seenBeforeCompletion.add(rows().size());
                        }
                    });
        });
        assertThat(seenBeforeCompletion).as("only the direct row before the last step before the commit")
                .containsExactly(1);
        List<String> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).replace("deferred", "direct")).as("the same transaction").isEqualTo(rows.get(0));
    }

    @Test
    void theStatementThatSendsThemSeesThemAndAnswersItsOwnCount() {
        int updated = tx.execute(status -> {
            writes.write(INSERT, "a");
            writes.write(INSERT, "b");
            return writes.flushWith("UPDATE deferred_writes_test SET label = label || '!' WHERE label IN ('a', 'b')");
        });
        assertThat(updated).isEqualTo(2);
        List<Long> counted = tx.execute(status -> {
            writes.write(INSERT, "c");
            return writes.queryWith("SELECT count(*) FROM deferred_writes_test", (rs, n) -> rs.getLong(1));
        });
        assertThat(counted).containsExactly(3L);
        assertThat(rows()).containsExactly("a!", "b!", "c");
    }

    @Test
    void aPrefetchedQueryTravelsWithTheNextStatementInItsPlace() {
        List<List<String>> seen = tx.execute(status -> {
            writes.write(INSERT, "a");
            var prefetched = writes.prefetch("SELECT label FROM deferred_writes_test ORDER BY id",
                    (rs, n) -> rs.getString(1));
            writes.write(INSERT, "b");
            List<Long> counted = writes.queryWith("SELECT count(*) FROM deferred_writes_test", (rs, n) -> rs.getLong(1));
            assertThat(counted).containsExactly(2L);
            return List.of(prefetched.get());
        });
        assertThat(seen).containsExactly(List.of("a"));

        List<String> alone = tx.execute(status -> writes.prefetch("SELECT label FROM deferred_writes_test ORDER BY id",
                (rs, n) -> rs.getString(1)).get());
        assertThat(alone).as("asked for before anything went: sent then").containsExactly("a", "b");
    }

    @Test
    void aRollbackDropsThem() {
        tx.executeWithoutResult(status -> {
            writes.write(INSERT, "never");
            status.setRollbackOnly();
        });
        assertThat(rows()).isEmpty();
    }

    @Test
    void aRolledBackSavepointDropsWhatWasWrittenInsideItAndOnlyThat() {
        TransactionTemplate nested = new TransactionTemplate(manager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        tx.executeWithoutResult(status -> {
            writes.write(INSERT, "before");
            nested.executeWithoutResult(inner -> {
                writes.write(INSERT, "inside, sent");
                writes.flush();
                writes.write(INSERT, "inside, waiting");
                inner.setRollbackOnly();
            });
            nested.executeWithoutResult(inner -> writes.write(INSERT, "kept savepoint"));
            writes.write(INSERT, "after");
        });
        assertThat(rows()).containsExactly("before", "kept savepoint", "after");
    }

    @Test
    void anInnerNewTransactionHasItsOwnRows() {
        TransactionTemplate own = new TransactionTemplate(manager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.executeWithoutResult(status -> {
            writes.write(INSERT, "outer");
            own.executeWithoutResult(inner -> writes.write(INSERT, "inner"));
            assertThat(rows()).as("the inner transaction committed its own row only").containsExactly("inner");
            status.setRollbackOnly();
        });
        assertThat(rows()).containsExactly("inner");
    }

    @Test
    void aFailingRowFailsItsTransactionAndNothingOfItArrives() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            writes.write(INSERT, "twice");
            writes.write(INSERT, "twice");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows()).isEmpty();
    }

    @Test
    void aCommitRefusedForAWaitingRowRollsBackAndTheNextTransactionCommits() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            writes.write(INSERT, "kept");
            writes.flush();
            writes.write(INSERT, "kept");
        })).isInstanceOf(DataIntegrityViolationException.class);
        tx.executeWithoutResult(status -> writes.write(INSERT, "next"));
        assertThat(rows()).containsExactly("next");
    }

    @Test
    void aCommitThatItselfFailsIsReportedAndLeavesNothing() {
        jdbc.sql("CREATE TABLE deferred_writes_checked (label text UNIQUE DEFERRABLE INITIALLY DEFERRED)").update();
        try {
            String insert = "INSERT INTO deferred_writes_checked (label) VALUES (?)";
            assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                writes.write(INSERT, "with them");
                writes.write(insert, "twice");
                writes.write(insert, "twice");
            })).as("the unique key is checked by the COMMIT").isInstanceOf(DataIntegrityViolationException.class);
            assertThat(rows()).isEmpty();
            tx.executeWithoutResult(status -> writes.write(insert, "once"));
            assertThat(jdbc.sql("SELECT label FROM deferred_writes_checked").query(String.class).list())
                    .containsExactly("once");
        } finally {
            jdbc.sql("DROP TABLE deferred_writes_checked").update();
        }
    }

    @Test
    void aRowWrittenByALaterBeforeCommitStepStillArrives() {
        tx.executeWithoutResult(status -> {
            writes.write(INSERT, "waiting");
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            writes.write(INSERT, "written while committing");
                        }
                    });
        });
        assertThat(rows()).containsExactly("waiting", "written while committing");
    }

    @Test
    void aFirstRowWrittenByABeforeCommitStepStillArrives() {
        tx.executeWithoutResult(status -> org.springframework.transaction.support.TransactionSynchronizationManager
                .registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        writes.write(INSERT, "first row, while committing");
                    }
                }));
        assertThat(rows()).containsExactly("first row, while committing");
    }

    @Test
    void aSavepointSetBeforeTheFirstRowDropsWhatWasWrittenInsideIt() {
        TransactionTemplate nested = new TransactionTemplate(manager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        tx.executeWithoutResult(status -> {
            nested.executeWithoutResult(inner -> {
                writes.write(INSERT, "inside");
                inner.setRollbackOnly();
            });
            writes.write(INSERT, "after");
        });
        assertThat(rows()).containsExactly("after");
    }

    @Test
    void withoutATransactionAWriteRunsAtOnce() {
        writes.write(INSERT, "now");
        assertThat(rows()).containsExactly("now");
    }

    private List<String> rows() {
        return jdbc.sql("SELECT label FROM deferred_writes_test ORDER BY id").query(String.class).list();
    }
}
