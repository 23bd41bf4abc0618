package com.invgov.bench.web;

import com.invgov.bench.BenchSteps;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.invgov.workflow.WorkTasks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code POST /api/v1/bench/bare?instances=N&threads=T} (ADMIN, only with {@code invgov.bench.enabled=true}):
 * starts N instances of the bare baseline process, T at a time, each in its own transaction, and answers the
 * time taken with instances/s and latency percentiles. With N = 1 per request, an HTTP load generator measures
 * the baseline through the same web and security layers as {@code POST /api/v1/counts}.
 */
@RestController
@ConditionalOnProperty(name = BenchSteps.ENABLED, havingValue = "true")
@RequestMapping(path = "/api/v1/bench", produces = MediaType.APPLICATION_JSON_VALUE)
class BareProcessController {

    private static final int MAX_INSTANCES = 1_000_000;
    private static final int MAX_THREADS = 64;

    private final WorkTasks tasks;
    private final CurrentUser user;

    BareProcessController(WorkTasks tasks, CurrentUser user) {
        this.tasks = tasks;
        this.user = user;
    }

    record Run(int instances, int threads, double seconds, double instancesPerSecond, double p50Ms, double p99Ms) {
    }

    @PostMapping("/bare")
    Run bare(@RequestParam(defaultValue = "1") int instances, @RequestParam(defaultValue = "1") int threads)
            throws Exception {
        user.requireAnyRole("run benchmarks", Role.ADMIN);
        int n = Math.max(1, Math.min(instances, MAX_INSTANCES));
        int t = Math.max(1, Math.min(threads, Math.min(MAX_THREADS, n)));
        long start = System.nanoTime();
        long[] latencies;
        if (t == 1) {
            latencies = startInstances(n);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(t);
            try {
                List<Future<long[]>> parts = new ArrayList<>();
                for (int i = 0; i < t; i++) {
                    int share = n / t + (i < n % t ? 1 : 0);
                    parts.add(pool.submit(() -> startInstances(share)));
                }
                List<long[]> all = new ArrayList<>();
                for (Future<long[]> part : parts) {
                    all.add(part.get());
                }
                latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
            } finally {
                pool.shutdown();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Run(n, t, seconds, n / seconds, ms(latencies, 0.5), ms(latencies, 0.99));
    }

    private long[] startInstances(int n) {
        long[] latencies = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            tasks.start(BenchSteps.BARE_PROCESS, "bench-" + UUID.randomUUID(), Map.of());
            latencies[i] = System.nanoTime() - t0;
        }
        return latencies;
    }

    private static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }
}
