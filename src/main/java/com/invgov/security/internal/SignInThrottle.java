package com.invgov.security.internal;

import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local mode: slows down password guessing. After {@link #FREE_FAILURES} failed sign-ins in a row of one user from one
 * address, that user is refused from that address for a while, whatever the password — 30 s, doubling with each
 * further failure up to 15 min; a successful sign-in ends it. Per address, so that somebody guessing elsewhere does
 * not lock a scanner or the MES out; per node (each node counts its own). Every guess also costs a BCrypt check
 * (50–100 ms of CPU): a refused one costs none.
 */
@Component
@SecurityModes.Local
class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 10_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses the attempt ({@link LockedException}) while the user is locked out from this address. */
    void check(String username, String address) {
        if (failures.isEmpty()) {
            return;
        }
        Failures f = failures.get(key(username, address));
        if (f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil())) {
            throw new LockedException("Too many failed sign-ins: try again after "
                    + f.lockedUntil().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ".");
        }
    }

    void failed(String username, String address) {
        if (failures.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> f.lockedUntil() == null || !now.isBefore(f.lockedUntil()));
            if (failures.size() >= MAX_ENTRIES) {
                failures.clear();
            }
        }
        failures.compute(key(username, address), (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            if (count < FREE_FAILURES) {
                return new Failures(count, null);
            }
            long doublings = Math.min(count - FREE_FAILURES, 10);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            return new Failures(count, clock.instant().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait));
        });
    }

    void succeeded(String username, String address) {
        if (!failures.isEmpty()) {
            failures.remove(key(username, address));
        }
    }

    private static String key(String username, String address) {
        return username.toLowerCase(Locale.ROOT) + "\u0000" + address;
    }
}
