package com.invgov.counting.plan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The first due date of a never-counted pair: spread evenly over its interval by a stable hash of sku and location,
 * so that loading a plant does not make every pair due on day one.
 * <p>
 * The hash picks a phase (a day of the interval's cycle on the calendar); the first due date is the first day after
 * {@code countableSince} in that phase. So it always lies within {@code countableSince + 1 .. + interval}, it is the
 * same on every node and every run, and pairs that become countable on different days still spread evenly over the
 * calendar. {@link String#hashCode()} is not used: it is stable but weak, neighbouring codes
 * ({@code P1-WH1-A-01-01}, {@code P1-WH1-A-01-02}) give neighbouring values, so the spread would follow the layout of
 * the racks instead of being uniform.
 */
final class FirstCountSpread {

    private FirstCountSpread() {
    }

    static LocalDate firstDueDate(CountablePair pair, LocalDate countableSince, int intervalDays) {
        long phase = Math.floorMod(stableHash(pair.sku(), pair.location()), intervalDays);
        long firstDay = countableSince.toEpochDay() + 1;
        long wait = Math.floorMod(phase - firstDay, (long) intervalDays);
        return LocalDate.ofEpochDay(firstDay + wait);
    }

    /** 64-bit FNV-1a over the UTF-8 bytes of {@code sku NUL location}, finished with the MurmurHash3 mixer. */
    static long stableHash(String sku, String location) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (sku + '\0' + location).getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb93fe53cc3e5L;
        hash ^= hash >>> 33;
        return hash;
    }
}
