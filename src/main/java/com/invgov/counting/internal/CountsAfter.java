package com.invgov.counting.internal;

import com.invgov.adjustment.LaterCounts;
import com.invgov.api.DeferredWrites;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The counts kept here, as the adjustments ask about them before posting a variance (see {@link LaterCounts}). */
@Component
class CountsAfter implements LaterCounts {

    private final DeferredWrites writes;

    CountsAfter(DeferredWrites writes) {
        this.writes = writes;
    }

    @Override
    public Optional<Instant> countedAfter(String sku, String location, String lot, Instant after, String adjustmentId) {
        // a range of the pair's index (sku, location, event_time) after the time asked about: empty as a rule; the
        // waiting rows (the caller's hold on the place's balances) travel with it
        return writes.queryWith("""
                        SELECT event_time FROM count_result
                        WHERE sku = ? AND location = ? AND lot IS NOT DISTINCT FROM ? AND event_time > ?
                          AND adjustment_id IS DISTINCT FROM ?
                        LIMIT 1""", (rs, n) -> rs.getTimestamp(1).toInstant(), sku, location, lot,
                Timestamp.from(after), adjustmentId == null ? null : UUID.fromString(adjustmentId))
                .stream().findFirst();
    }
}
