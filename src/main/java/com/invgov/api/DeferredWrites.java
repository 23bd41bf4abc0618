package com.invgov.api;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rows that nothing in their own transaction reads back (decision log, outbox events, a new adjustment and its
 * approvals, a count) are not sent one round trip each: they wait in the transaction and go to PostgreSQL together
 * with the next statement that asks for them ({@link #flushWith}: the idempotency key; {@link #queryWith}: the
 * ledger's posting, the system quantity) or at the latest with the COMMIT ({@link CommitWithWaitingWrites}), as
 * one multi-statement message (the driver sends every statement, then one Sync). A read known in advance can wait
 * the same way ({@link #prefetch}: a count's plan line). On a machine where a round trip costs 0.1–0.2 ms of CPU, a
 * count makes 6 where it made 12 to 15.
 * <p>
 * Rules for callers: a store that defers its inserts calls {@link #flush()} before it reads or updates its own
 * table in the same transaction; a statement whose order against deferred rows matters (the ledger's posting
 * appends an outbox event, and the feed's order is the insert order) goes through {@link #queryWith}. A failing
 * deferred insert fails the statement it travels with, and so the transaction (at commit: the commit, which then
 * rolls back). Writes deferred inside a savepoint that is rolled back are dropped with it; an inner REQUIRES_NEW
 * transaction has its own queue. Without a transaction a write runs at once.
 */
@Component
public class DeferredWrites {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeferredWrites.class);

    private static final Statement COMMIT = new Statement("COMMIT", new Object[0], null);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;
    /** Whether the transaction manager sends waiting rows with the COMMIT; if not, they go just before it. */
    private final boolean sentWithCommit;

    DeferredWrites(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sentWithCommit = transactions instanceof CommitWithWaitingWrites;
    }

    /** Queues a statement (an insert nobody in this transaction reads) until the next flush. */
    public void write(String sql, Object... params) {
        enqueue(new Statement(sql, params, null));
    }

    /**
     * A read the transaction will need, sent with the next statement that goes (the rows are there when
     * {@code get} is called; a {@code get} before anything went sends it then). For a query known at the start of
     * a unit of work, so that it does not cost a round trip of its own.
     */
    public <T> Supplier<List<T>> prefetch(String sql, RowMapper<T> mapper, Object... params) {
        Prefetched<T> prefetched = new Prefetched<>(mapper);
        enqueue(new Statement(sql, params, prefetched));
        return prefetched;
    }

    private void enqueue(Statement statement) {
        Queue queue = queue(true);
        if (queue == null || queue.committing) {
            // no transaction, or one already sending its last rows (a later before-commit step): at once
            execute(new ArrayList<>(List.of(statement)), null);
        } else {
            queue.statements.add(statement);
        }
    }

    /** Sends the waiting statements now (in one round trip), e.g. before reading a table they write. */
    public void flush() {
        Queue queue = queue(false);
        if (queue != null && !queue.statements.isEmpty()) {
            execute(queue.take(), null);
        }
    }

    /** Sends the waiting statements and then this one in one round trip; returns this one's update count. */
    public int flushWith(String sql, Object... params) {
        int[] count = new int[1];
        execute(withWaiting(new Statement(sql, params, null)), count);
        return count[0];
    }

    /** Sends the waiting statements and then this query in one round trip; returns the query's rows. */
    public <T> List<T> queryWith(String sql, RowMapper<T> mapper, Object... params) {
        Prefetched<T> rows = new Prefetched<>(mapper);
        execute(withWaiting(new Statement(sql, params, rows)), null);
        return rows.rows;
    }

    private List<Statement> withWaiting(Statement last) {
        Queue queue = queue(false);
        List<Statement> statements = queue == null ? new ArrayList<>(1) : queue.take();
        statements.add(last);
        return statements;
    }

    /** The rows of a query that travels with others. */
    private final class Prefetched<T> implements Supplier<List<T>> {
        private final RowMapper<T> mapper;
        private List<T> rows;

        Prefetched(RowMapper<T> mapper) {
            this.mapper = mapper;
        }

        void read(ResultSet rs) throws SQLException {
            List<T> read = new ArrayList<>();
            int n = 0;
            while (rs.next()) {
                read.add(mapper.mapRow(rs, n++));
            }
            rows = read;
        }

        @Override
        public List<T> get() {
            if (rows == null) {
                flush();
            }
            if (rows == null) {
                throw new IllegalStateException("a prefetched query was dropped with a rolled-back savepoint");
            }
            return rows;
        }
    }

    /**
     * One prepared statement of several SQL statements: the driver sends them all before waiting. Each query's
     * rows go to its {@link Prefetched}; {@code lastCount} gets the last statement's update count.
     */
    private void execute(List<Statement> statements, int[] lastCount) {
        jdbc.execute(sql(statements), (PreparedStatement ps) -> run(ps, statements, lastCount));
    }

    /** The same on the given connection (the transaction manager's, while it commits). */
    private void execute(Connection connection, List<Statement> statements) {
        String sql = sql(statements);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            DataSourceUtils.applyTransactionTimeout(ps, jdbc.getDataSource());
            run(ps, statements, null);
        } catch (SQLException e) {
            RuntimeException translated = jdbc.getExceptionTranslator().translate("commit", sql, e);
            throw translated != null ? translated : new UncategorizedSQLException("commit", sql, e);
        }
    }

    private static String sql(List<Statement> statements) {
        StringBuilder sql = new StringBuilder();
        for (Statement s : statements) {
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            sql.append(s.sql);
        }
        return sql.toString();
    }

    private static Object run(PreparedStatement ps, List<Statement> statements, int[] lastCount) throws SQLException {
        List<Object> params = new ArrayList<>();
        for (Statement s : statements) {
            params.addAll(java.util.Arrays.asList(s.params));
        }
        int last = statements.size() - 1;
        for (int i = 0; i < params.size(); i++) {
            StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, params.get(i));
        }
        boolean isRows = ps.execute();
        for (int i = 0; ; i++) {
            if (isRows) {
                try (ResultSet rs = ps.getResultSet()) {
                    Prefetched<?> rows = statements.get(i).rows;
                    if (rows != null) {
                        rows.read(rs);
                    }
                }
            } else {
                int count = ps.getUpdateCount();
                if (count == -1) {
                    break;
                }
                if (i == last && lastCount != null) {
                    lastCount[0] = count;
                }
            }
            isRows = ps.getMoreResults();
        }
        StatementCreatorUtils.cleanupParameters(params);
        return null;
    }

    /**
     * Called by {@link CommitWithWaitingWrites} as the transaction commits, after every before-commit step: the rows
     * still waiting (of every queue of the transaction, should several applications share the thread) go on
     * {@code connection} in one message ending with COMMIT. Nothing waiting: nothing is sent. Prefetched reads
     * nobody asked for are left out, so no mapping code runs after the COMMIT (an error there would report a
     * committed transaction as failed).
     */
    static void sendWithCommit(Connection connection) {
        List<Statement> last = new ArrayList<>();
        DeferredWrites sender = null;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Queue queue) {
                queue.committing = true;
                for (Statement statement : queue.take()) {
                    if (statement.rows == null) {
                        last.add(statement);
                        sender = queue.owner;
                    }
                }
            }
        }
        if (sender != null) {
            last.add(COMMIT);
            sender.execute(connection, last);
        }
    }

    private record Statement(String sql, Object[] params, Prefetched<?> rows) {
    }

    /**
     * The current transaction's waiting statements, kept by a synchronization of that transaction (so an inner
     * REQUIRES_NEW transaction, whose synchronizations are separate, has its own); null without a transaction.
     */
    private Queue queue(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Queue q && q.owner == this) {
                return q;
            }
        }
        if (!create) {
            return null;
        }
        Queue queue = new Queue(this);
        TransactionSynchronizationManager.registerSynchronization(queue);
        return queue;
    }

    private static final class Queue implements TransactionSynchronization {

        private final DeferredWrites owner;
        private List<Statement> statements = new ArrayList<>();
        private boolean committing;
        /** What was waiting when each savepoint was set (sent since or not). */
        private final Map<Object, List<Statement>> atSavepoint = new IdentityHashMap<>();

        Queue(DeferredWrites owner) {
            this.owner = owner;
        }

        List<Statement> take() {
            List<Statement> taken = statements;
            statements = new ArrayList<>();
            return taken;
        }

        @Override
        public void savepoint(Object savepoint) {
            atSavepoint.put(savepoint, List.copyOf(statements));
        }

        /**
         * Back to what waited when the savepoint was set: rows written since are dropped, and rows that waited
         * then but were sent since are waiting again (sending them is undone with the savepoint).
         */
        @Override
        public void savepointRollback(Object savepoint) {
            // a savepoint this queue has not seen was set before the queue existed: all it holds came later
            List<Statement> then = atSavepoint.get(savepoint);
            statements = then == null ? new ArrayList<>() : new ArrayList<>(then);
        }

        /** Rows go with the COMMIT; only under another transaction manager, here, just before it. */
        @Override
        public void beforeCommit(boolean readOnly) {
            if (!owner.sentWithCommit) {
                committing = true;
                if (!statements.isEmpty()) {
                    owner.execute(take(), null);
                }
            }
        }

        /**
         * Rows still waiting after a commit were first written after their turn had passed (under another
         * transaction manager, by a before-commit step that came after this queue's; or after the commit): they go
         * now, in a transaction of their own.
         */
        @Override
        public void afterCompletion(int status) {
            List<Statement> late = take();
            atSavepoint.clear();
            if (status == STATUS_COMMITTED && !late.isEmpty()) {
                log.warn("{} row(s) were written while their transaction committed; sending them on their own: {}",
                        late.size(), late.get(0).sql().lines().findFirst().orElse(""));
                owner.separately.executeWithoutResult(tx -> owner.execute(late, null));
            }
        }
    }
}
