package com.invgov.counting.internal;

import com.invgov.adjustment.Adjustments;
import com.invgov.adjustment.CountAssessed;
import com.invgov.api.Conflict;
import com.invgov.api.DeferredWrites;
import com.invgov.api.FieldProblem;
import com.invgov.api.NotFound;
import com.invgov.api.ValidationFailed;
import com.invgov.counting.Count;
import com.invgov.counting.CountResult;
import com.invgov.counting.Counts;
import com.invgov.inventory.Item;
import com.invgov.inventory.Location;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Quantities;
import com.invgov.inventory.Tracking;
import com.invgov.security.CurrentUser;
import com.invgov.security.NotPermitted;
import com.invgov.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Count results: converts to the base UoM, hands the variance to the adjustments, keeps the count. */
@Service
class CountService implements Counts {

    private static final Role[] COUNTERS = {Role.OPERATOR, Role.INVENTORY_CONTROLLER, Role.ADMIN, Role.INTEGRATION};
    /** How late a count may be recorded: a paper count keyed in after an outage, not a count of another era. */
    static final java.time.Duration OLDEST_COUNT = java.time.Duration.ofDays(30);
    /** Who reads any count: every role but OPERATOR (a recounter must not see the system quantity). */
    private static final Role[] READERS = EnumSet.complementOf(EnumSet.of(Role.OPERATOR)).toArray(Role[]::new);

    private final MasterData masterData;
    private final Adjustments adjustments;
    private final JdbcClient jdbc;
    private final CurrentUser user;
    private final Clock clock;
    private final CountPlanning planning;
    private final DeferredWrites writes;
    private final CountReads reads;

    CountService(MasterData masterData, Adjustments adjustments, JdbcClient jdbc, CurrentUser user, Clock clock,
                 CountPlanning planning, DeferredWrites writes, CountReads reads) {
        this.reads = reads;
        this.writes = writes;
        this.planning = planning;
        this.masterData = masterData;
        this.adjustments = adjustments;
        this.jdbc = jdbc;
        this.user = user;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CountResult count(String location, String sku, String lot, BigDecimal countedQuantity, String uom,
                             List<String> serials, String countTaskId, String recountOf, Instant eventTime) {
        user.requireAnyRole("post counts", COUNTERS);
        String counter = user.requireUsername();
        Item item = masterData.findItem(sku).orElseThrow(() -> new ValidationFailed("sku", "unknown item " + sku));
        Location place = masterData.findLocation(location)
                .orElseThrow(() -> new ValidationFailed("location", "unknown location " + location));
        if (!place.countable()) {
            throw new ValidationFailed("location", location + " is not a countable location");
        }
        BigDecimal factor = item.factor(uom).orElseThrow(() -> new ValidationFailed("uom",
                "unknown UoM " + uom + " for " + sku));
        Instant now = clock.instant();
        Instant at = eventTime == null ? now : eventTime;
        if (at.isAfter(now.plusSeconds(300))) {
            throw new ValidationFailed("eventTime", "a count cannot happen in the future");
        }
        if (at.isBefore(now.minus(OLDEST_COUNT))) {
            // its variance would be posted that far back and carried through every later movement to today
            throw new ValidationFailed("eventTime", "a count is recorded at most " + OLDEST_COUNT.toDays()
                    + " days after it was made");
        }
        // as stored: no exponent, no trailing zeros (0E-999999999 is a valid 0 and must stay one)
        BigDecimal entered = Quantities.plain(countedQuantity);
        BigDecimal counted = Quantities.plain(entered.multiply(factor));
        String normalizedLot = lot == null || lot.isBlank() ? null : lot;
        // what the ledger would refuse to post is refused before anything is opened
        item.lotProblem(normalizedLot).ifPresent(problem -> {
            throw new ValidationFailed("lot", problem);
        });
        item.quantityProblem(counted).ifPresent(problem -> {
            throw new ValidationFailed("countedQuantity", problem);
        });
        if (counted.compareTo(Quantities.MAX) > 0) {
            throw new ValidationFailed("countedQuantity", "more than 10^12 " + item.baseUom());
        }
        // an empty list of an item without serials is no list
        List<String> scanned = item.tracking() != Tracking.SERIAL && serials != null && serials.isEmpty() ? null
                : Item.serialsAsKept(serials);
        item.serialsProblem(scanned, counted).ifPresent(problem -> {
            throw new ValidationFailed("serials", problem);
        });

        String adjustmentToRecount = null;
        if (recountOf != null) {
            Original original = original(recountOf)
                    .orElseThrow(() -> new ValidationFailed("recountOf", "no count " + recountOf));
            if (!original.sku().equals(sku) || !original.location().equals(place.code())
                    || !java.util.Objects.equals(original.lot(), normalizedLot)) {
                throw new ValidationFailed("recountOf", "count " + recountOf + " is of another item, location or lot");
            }
            if (original.adjustmentId() == null) {
                throw new ValidationFailed("recountOf", "count " + recountOf + " opened no adjustment to recount");
            }
            adjustmentToRecount = original.adjustmentId();
        } else if (countTaskId != null) {
            adjustmentToRecount = adjustments.adjustmentOfRecountTask(countTaskId).orElse(null);
            if (adjustmentToRecount == null && planning.lineOfTask(countTaskId, sku, place.code(), counter).isEmpty()) {
                throw new ValidationFailed("countTaskId", "no open count or recount task " + countTaskId);
            }
        }

        String id = UUID.randomUUID().toString();
        Supplier<Optional<CountPlanStore.StoredLine>> openLine = null;
        Supplier<List<Timestamp>> laterCount = null;
        if (adjustmentToRecount == null) {
            // Two first counts of one pair at the same moment take turns: the second reads the system quantity after
            // the first has committed (an AUTO_APPROVE posts in the count's transaction; without the lock both would
            // post the same variance). A recount takes turns on its adjustment's row instead. Sent with the count's
            // first query, as is the pair's open planned count, which a first count answers whether or not it came
            // through the task (its line is read and locked there too).
            writes.prefetch("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (rs, n) -> Boolean.TRUE,
                    "count:" + sku + "\u001f" + place.code());
            openLine = planning.openLine(sku, place.code());
            // a count of the place after this one, if any: an empty range of the pair's index (sku, location,
            // event_time) in the usual case — the pair's history is not read (its newest entry, sorted, read the
            // whole history whenever the planner's statistics still took the table for small)
            laterCount = writes.prefetch("SELECT event_time FROM count_result WHERE sku = ? AND location = ? "
                            + "AND event_time > ? AND lot IS NOT DISTINCT FROM ? LIMIT 1",
                    (rs, n) -> rs.getTimestamp(1), sku, place.code(), Timestamp.from(at), normalizedLot);
        }
        CountAssessed assessed = adjustmentToRecount == null
                ? adjustments.count(id, sku, place.code(), normalizedLot, counted, scanned, at, counter)
                : adjustments.recount(adjustmentToRecount, id, sku, place.code(), normalizedLot, counted, scanned, at,
                counter);
        Timestamp latest = laterCount == null || laterCount.get().isEmpty() ? null : laterCount.get().get(0);
        if (latest != null) {
            // A later count found the place as it was then: a variance found before it, posted now at its own earlier
            // time, would change what that count found (the loss counted twice). Nothing of this count is kept.
            throw new Conflict(sku + " at " + place.code() + (normalizedLot == null ? "" : ", lot " + normalizedLot)
                    + " was counted at " + latest.toInstant() + ", after this count (" + at + "): a count made before "
                    + "it is not taken any more.");
        }
        String outcome = assessed.decision().outcome();
        // nothing reads the count back in this transaction: it travels with the next round trip
        writes.write("""
                        INSERT INTO count_result (id, sku, location, lot, counted_qty, entered_qty, entered_uom,
                          count_task_id, recount_of, event_time, counted_by, system_qty, diff_qty, within_tolerance,
                          outcome, adjustment_id, created_at, serials, diff_value, diff_pct, approver_roles, rule_set,
                          rule_set_version, fired_rules, recount)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        UUID.fromString(id), sku, place.code(), normalizedLot, counted, entered, uom,
                        countTaskId, recountOf == null ? null : UUID.fromString(recountOf), Timestamp.from(at), counter,
                        assessed.variance().systemQuantity(), assessed.variance().diffQuantity(),
                        outcome.equals("NO_VARIANCE") || outcome.equals("AUTO_APPROVE"), outcome,
                        assessed.adjustmentId() == null ? null : UUID.fromString(assessed.adjustmentId()),
                        Timestamp.from(now), scanned == null ? null : new SqlArrayValue("text", scanned.toArray()),
                        assessed.variance().diffValue(), assessed.variance().diffPercent(),
                        String.join(",", assessed.decision().approverRoles()), assessed.decision().ruleSet(),
                        assessed.decision().ruleSetVersion(), String.join("\n", assessed.decision().firedRules()),
                        assessed.recount());
        if (openLine != null) {
            planning.counted(openLine, id, at, item.tracking() == Tracking.LOT ? normalizedLot : null);
        }
        return new CountResult(id, assessed.variance(), assessed.decision(), assessed.adjustmentId());
    }

    @Override
    @Transactional(readOnly = true)
    public Count read(String id) {
        String me = user.requireUsername();
        UUID key = countIdOr404(id);
        writes.flush();
        Count count = reads.find(key).orElseThrow(() -> new NotFound("count", id));
        // blind counts: a counter sees a count's system quantity only in the answer to their own count
        if (!user.hasAnyRole(READERS) && !me.equals(count.countedBy())) {
            throw new NotPermitted("read counts of others", Set.of(READERS));
        }
        return count;
    }

    private static UUID countIdOr404(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("count", String.valueOf(id));
        }
    }

    private record Original(String sku, String location, String lot, String adjustmentId) {
    }

    private Optional<Original> original(String countId) {
        UUID id;
        try {
            id = UUID.fromString(countId);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("Not a count id.", List.of(new FieldProblem("recountOf", "not a count id")));
        }
        writes.flush();
        return jdbc.sql("SELECT sku, location, lot, adjustment_id::text FROM count_result WHERE id = ?")
                .param(id)
                .query(Original.class)
                .optional();
    }
}
