package com.invgov.rules.internal;

import com.invgov.rules.RuleCompilationException;
import com.invgov.rules.RuleSetCatalog;
import com.invgov.rules.RuleSetNotFound;
import com.invgov.rules.RuleSetSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The KieBase of every rule set's published version on this node. Publishing here swaps it at once (one map
 * write: a decision uses either the old or the new version, never a mix); versions published on another node
 * are picked up by a cheap periodic check of the database ({@code invgov.rules.refresh-interval}, default 2 s).
 * Polling rather than LISTEN/NOTIFY: it needs no dedicated connection, survives reconnects and cannot miss a
 * notification; one indexed query every two seconds costs nothing.
 */
@Component
class PublishedRuleSets implements RuleSetCatalog, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishedRuleSets.class);
    private static final int CACHED_VERSIONS = 24;

    private final RuleSetStore store;
    private final RuleSetSeeder seeder;
    private final RulesProperties properties;
    private final DrlCompiler compiler = new DrlCompiler();
    private final Map<String, CompiledVersion> published = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Compiled versions by "key:version"; a version's DRL never changes, so this never goes stale. */
    private final Map<String, CompiledVersion> compiled = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompiledVersion> eldest) {
                    return size() > CACHED_VERSIONS;
                }
            });
    private volatile ScheduledExecutorService poller;

    PublishedRuleSets(RuleSetStore store, RuleSetSeeder seeder, RulesProperties properties) {
        this.store = store;
        this.seeder = seeder;
        this.properties = properties;
    }

    /** The published version of a rule set, loading it if this node has not yet. */
    CompiledVersion current(String key) {
        CompiledVersion version = published.get(key);
        if (version != null) {
            return version;
        }
        return refresh(key);
    }

    /** A version compiled (from the cache when it was compiled before). */
    CompiledVersion compiled(String key, int version, String drl) {
        String id = key + ":" + version;
        CompiledVersion cached = compiled.get(id);
        if (cached != null) {
            return cached;
        }
        DrlCompiler.Compiled c = compiler.compile(key, "version " + version, drl);
        CompiledVersion result = new CompiledVersion(key, version, c.kieBase(), c.ruleNames());
        compiled.put(id, result);
        return result;
    }

    /** Keeps a compilation made before the version had a number. */
    void remember(String key, int version, DrlCompiler.Compiled c) {
        compiled.put(key + ":" + version, new CompiledVersion(key, version, c.kieBase(), c.ruleNames()));
    }

    /** Compiles DRL that has no version yet (a check before saving). */
    DrlCompiler.Compiled compileUnsaved(String key, String drl) {
        return compiler.compile(key, "drl", drl);
    }

    /**
     * Reads the published version from the database and swaps it in if it differs. Per rule set one caller at a
     * time, and each reads inside the lock: the last swap always reflects the latest committed publish.
     */
    CompiledVersion refresh(String key) {
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            RuleSetStore.Row row = store.published(key)
                    .orElseThrow(() -> new RuleSetNotFound("Rule set '" + key + "' has no published version"));
            CompiledVersion current = published.get(key);
            if (current != null && current.version() == row.version()) {
                return current;
            }
            CompiledVersion next = compiled(key, row.version(), row.drl());
            published.put(key, next);
            log.info("Rule set {} now decides with version {}{}", key, row.version(),
                    current == null ? "" : " (was " + current.version() + ")");
            return next;
        }
    }

    void refreshAll() {
        store.publishedVersions().forEach((key, version) -> {
            CompiledVersion current = published.get(key);
            if (current == null || current.version() != version) {
                try {
                    refresh(key);
                } catch (RuntimeException e) {
                    log.error("Cannot load version {} of rule set {}", version, key, e);
                }
            }
        });
    }

    /** At start: every published version compiled in one build (much cheaper than one by one). */
    private void loadAll() {
        long started = System.nanoTime();
        Map<String, RuleSetStore.Row> rows = new LinkedHashMap<>();
        RuleSetDefinitions.ALL.forEach(d -> store.published(d.key()).ifPresent(r -> rows.put(d.key(), r)));
        Map<String, String> drls = new LinkedHashMap<>();
        rows.forEach((key, row) -> drls.put(key, row.drl()));
        try {
            compiler.compileAll(drls, key -> source(rows.get(key))).forEach((key, c) -> {
                CompiledVersion version = new CompiledVersion(key, rows.get(key).version(), c.kieBase(),
                        c.ruleNames());
                compiled.put(key + ":" + version.version(), version);
                published.putIfAbsent(key, version);
            });
        } catch (RuleCompilationException e) {
            // a published rule set that does not compile (a broken shipped template, or DRL this Drools version
            // no longer accepts): refuse to start rather than run without it
            throw new IllegalStateException("invgov cannot start: " + e.getMessage(), e);
        }
        log.info("Compiled {} published rule sets in {} ms", drls.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Where a version's DRL came from, for error messages: the shipped template for seeded versions. */
    private static String source(RuleSetStore.Row row) {
        return RuleSetSeeder.SYSTEM.equals(row.author())
                ? "rules/" + row.ruleSet() + "/" + row.ruleSet() + ".drt (version " + row.version() + ")"
                : "version " + row.version();
    }

    @Override
    public List<RuleSetSummary> loaded() {
        return RuleSetDefinitions.ALL.stream()
                .map(d -> published.get(d.key()))
                .filter(Objects::nonNull)
                .map(v -> new RuleSetSummary(v.ruleSet(), v.version(), v.ruleNames(),
                        List.of("database: " + v.ruleSet() + " version " + v.version())))
                .toList();
    }

    /**
     * Seeds, then compiles the published versions before the application takes requests: a rule set that does
     * not compile stops the start with its file and line (DESIGN: rules are code, checked before they run).
     */
    @Override
    public void start() {
        seeder.seed();
        loadAll();
        long millis = Math.max(100, properties.refreshInterval().toMillis());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rules-refresh");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                refreshAll();
            } catch (RuntimeException e) {
                log.warn("Checking for newly published rule sets failed: {}", e.getMessage());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        poller = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** Early: before the web server takes requests and before the process engine runs jobs. */
    @Override
    public int getPhase() {
        return -100;
    }
}
