package com.invgov.rules.internal;

import com.invgov.InvgovApplication;
import com.invgov.rules.NewRuleSetVersion;
import com.invgov.rules.RuleSet;
import com.invgov.rules.RuleSetVersions;
import com.invgov.rules.model.AdjustmentToleranceFact;
import com.invgov.rules.model.VarianceSource;
import com.invgov.rules.table.AdjustmentToleranceTable;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Rules benchmark (not a test; bench/rules/run.sh). Starts the application on a fresh embedded PostgreSQL, then
 * measures adjustment-tolerance decisions/s through the evaluation path of decide() on the published KieBase
 * against a bare StatelessKieSession on the same KieBase and fact, in the same run; then decide() with its
 * decision-log write; then the time to compile and publish a new version.
 */
public final class RulesBenchmark {

    static final AdjustmentToleranceFact FACT = AdjustmentToleranceFact.of(new BigDecimal("2300"),
            new BigDecimal("2290"), new BigDecimal("0.26"), "C", false, VarianceSource.CYCLE_COUNT, false);

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        Path dataDir = Files.createTempDirectory("invgov-bench");
        // command-line arguments, not default properties: application.yml would override those
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(InvgovApplication.class).run(
                "--invgov.data-dir=" + dataDir, "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
            RuleDecisionService decisions = app.getBean(RuleDecisionService.class);
            PublishedRuleSets published = app.getBean(PublishedRuleSets.class);
            KieBase kieBase = published.current(RuleSet.ADJUSTMENT_TOLERANCE.key()).kieBase();
            System.out.printf("adjustment-tolerance version %d, fact %s%n",
                    decisions.evaluate(RuleSet.ADJUSTMENT_TOLERANCE, FACT).version(), FACT);
            System.out.println("decision: " + decisions.evaluate(RuleSet.ADJUSTMENT_TOLERANCE, FACT).outcome());

            // alternate the two in rounds and keep each one's best round: the machine is shared, and the best
            // round is the one least disturbed by other work
            for (int threads : new int[]{1, 2}) {
                double bestBare = 0;
                double bestOurs = 0;
                for (int round = 1; round <= 3; round++) {
                    bestBare = Math.max(bestBare, rate("bare StatelessKieSession", threads, seconds, () -> {
                        StatelessKieSession session = kieBase.newStatelessKieSession();
                        return () -> session.execute(FACT);
                    }));
                    bestOurs = Math.max(bestOurs, rate("decide() evaluation path", threads, seconds,
                            () -> () -> decisions.evaluate(RuleSet.ADJUSTMENT_TOLERANCE, FACT)));
                }
                System.out.printf("BEST %d thread(s): bare %,.0f /s, decide %,.0f /s, ratio decide/bare = %.2f%n",
                        threads, bestBare, bestOurs, bestOurs / bestBare);
            }
            for (int threads : new int[]{1, 2}) {
                rate("decide() with decision-log write", threads, Math.max(3, seconds / 2),
                        () -> () -> decisions.decide(RuleSet.ADJUSTMENT_TOLERANCE, "bench", FACT));
            }

            RuleSetVersions versions = app.getBean(RuleSetVersions.class);
            List<Long> publishMillis = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                AdjustmentToleranceTable table = new AdjustmentToleranceTable(List.of(
                        new AdjustmentToleranceTable.Row("A", new BigDecimal("1." + (i + 1)), new BigDecimal("100")),
                        new AdjustmentToleranceTable.Row("B", new BigDecimal("2.0"), new BigDecimal("250")),
                        new AdjustmentToleranceTable.Row("C", new BigDecimal("5.0"), new BigDecimal("500"))),
                        new BigDecimal("1000"));
                long started = System.nanoTime();
                signIn("ada");
                int v = versions.createVersion("adjustment-tolerance", NewRuleSetVersion.table(table, "bench")).version();
                signIn("alan");
                versions.publish("adjustment-tolerance", v);
                long millis = (System.nanoTime() - started) / 1_000_000;
                publishMillis.add(millis);
                System.out.printf("compile + save + publish version %d: %d ms (now deciding with version %d)%n", v,
                        millis, decisions.evaluate(RuleSet.ADJUSTMENT_TOLERANCE, FACT).version());
            }
            publishMillis.sort(Long::compare);
            System.out.printf("compile + publish median: %d ms%n", publishMillis.get(1));
        }
    }

    private static void signIn(String user) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    /** Warms up for 3 s, then counts calls for {@code seconds}; each thread gets its own task from the supplier. */
    private static double rate(String name, int threads, long seconds, Supplier<Runnable> perThread)
            throws InterruptedException {
        run(threads, 3, perThread);
        long calls = run(threads, seconds, perThread);
        double perSecond = calls / (double) seconds;
        System.out.printf("%-34s %d thread(s): %,12.0f /s%n", name, threads, perSecond);
        return perSecond;
    }

    private static long run(int threads, long seconds, Supplier<Runnable> perThread) throws InterruptedException {
        LongAdder calls = new LongAdder();
        CountDownLatch done = new CountDownLatch(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int t = 0; t < threads; t++) {
            Runnable task = perThread.get();
            Thread thread = new Thread(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 100; i++) {
                        task.run();
                    }
                    n += 100;
                }
                calls.add(n);
                done.countDown();
            });
            thread.start();
        }
        done.await();
        return calls.sum();
    }
}
