package com.invgov.inventory.internal;

import com.invgov.api.ApiProblem;
import com.invgov.inventory.InsufficientStock;
import com.invgov.inventory.Location;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.StockRefused;
import com.invgov.inventory.StockStatus;
import com.invgov.inventory.Tracking;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies resolved movements to serials, lots and balances inside the caller's transaction. Locks are taken
 * in one global order — serial rows sorted, then balance rows sorted by {@link BalanceKey} — so concurrent
 * postings wait for each other but never deadlock. A batch is applied as its net change per balance row.
 */
@Component
public class StockPosting {

    private final LedgerStore store;
    private final ReservationStore reservations;

    private final ApplicationEventPublisher publisher;

    StockPosting(LedgerStore store, ReservationStore reservations, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.store = store;
        this.reservations = reservations;
    }

    /** Called with the actor so that refusals can be counted after the rollback. */
    public void apply(List<ResolvedMovement> movements, String actor, Instant now) {
        serials(movements, now);
        lots(movements, now);
        Map<BalanceKey, BigDecimal> consumed = reservationsUsedUp(movements, now);
        balances(movements, consumed, actor, now);
    }

    private void serials(List<ResolvedMovement> movements, Instant now) {
        TreeSet<String> keys = new TreeSet<>();
        for (ResolvedMovement m : movements) {
            if (!m.serial().isEmpty()) {
                keys.add(m.item().sku() + "\u0000" + m.serial());
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        Map<String, Place> where = new HashMap<>();
        for (String key : keys) {
            String[] parts = key.split("\u0000", 2);
            where.put(key, store.lockSerial(parts[0], parts[1], now));
        }
        Map<String, ResolvedMovement> last = new HashMap<>();
        for (ResolvedMovement m : movements) {
            if (m.serial().isEmpty()) {
                continue;
            }
            String key = m.item().sku() + "\u0000" + m.serial();
            Place here = where.get(key);
            boolean inside = here.location() != null;
            if (m.from().isVirtual() && inside) {
                throw new com.invgov.inventory.SerialElsewhere(m.item().sku(), m.serial(), here.location());
            }
            if (!m.from().isVirtual() && inside && here.location().equals(m.from().code())
                    && m.fromStatus() == StockStatus.AVAILABLE && here.status() != StockStatus.AVAILABLE) {
                throw new com.invgov.inventory.StockOnHold(m.item().sku(), m.from().code(), m.lot(), BigDecimal.ONE,
                        BigDecimal.ZERO, java.util.Map.of(here.status(), BigDecimal.ONE));
            }
            if (!m.from().isVirtual() && (!inside || !here.location().equals(m.from().code())
                    || here.status() != m.fromStatus())) {
                throw InsufficientStock.serial(m.item().sku(), m.from().code(), m.serial(), m.fromStatus());
            }
            where.put(key, m.to().isVirtual() ? new Place(null, null) : new Place(m.to().code(), m.toStatus()));
            last.put(key, m);
        }
        for (Map.Entry<String, ResolvedMovement> e : last.entrySet()) {
            ResolvedMovement m = e.getValue();
            Place now2 = where.get(e.getKey());
            store.placeSerial(m.item().sku(), m.serial(), now2.location(), now2.status(), m.lot(), now);
        }
    }

    private void lots(List<ResolvedMovement> movements, Instant now) {
        TreeMap<String, ResolvedMovement> newLots = new TreeMap<>();
        for (ResolvedMovement m : movements) {
            if (!m.lot().isEmpty() && m.from().isVirtual() && !m.to().isVirtual()) {
                newLots.putIfAbsent(m.item().sku() + "\u0000" + m.lot(), m);
            }
        }
        for (ResolvedMovement m : newLots.values()) {
            Integer days = m.item().shelfLifeDays();
            store.ensureLot(m.item().sku(), m.lot(),
                    days == null ? null : m.eventTime().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(days), now);
        }
    }

    /** ISSUE and SHIP with a reference use up that reference's reservations on the balance they take from. */
    private Map<BalanceKey, BigDecimal> reservationsUsedUp(List<ResolvedMovement> movements, Instant now) {
        Map<BalanceKey, BigDecimal> consumed = new HashMap<>();
        for (ResolvedMovement m : movements) {
            if ((m.type() == MovementType.ISSUE || m.type() == MovementType.SHIP) && m.reference() != null
                    && !m.from().isVirtual() && m.fromStatus() == StockStatus.AVAILABLE) {
                BalanceKey key = key(m, m.from(), m.fromStatus());
                BigDecimal used = reservations.consume(key, m.reference(), m.quantity(), now);
                if (used.signum() > 0) {
                    consumed.merge(key, used, BigDecimal::add);
                }
            }
        }
        return consumed;
    }

    /**
     * Whether applying this movement is its balance changes alone: no serial to move, no lot to create, no
     * reservation to use up. Such a movement can be posted in one statement ({@link LedgerStore#post}).
     */
    public boolean balancesOnly(ResolvedMovement m) {
        return m.serial().isEmpty()
                && (m.lot().isEmpty() || !m.from().isVirtual() || m.to().isVirtual())
                && !((m.type() == MovementType.ISSUE || m.type() == MovementType.SHIP) && m.reference() != null
                && !m.from().isVirtual() && m.fromStatus() == StockStatus.AVAILABLE);
    }

    /** The net balance changes of movements, in the global lock order. */
    public List<LedgerStore.Change> changes(List<ResolvedMovement> movements, Map<BalanceKey, BigDecimal> consumed) {
        TreeMap<BalanceKey, BigDecimal> deltas = new TreeMap<>();
        Map<String, Location> locations = new HashMap<>();
        for (ResolvedMovement m : movements) {
            if (!m.from().isVirtual()) {
                deltas.merge(key(m, m.from(), m.fromStatus()), m.quantity().negate(), BigDecimal::add);
                locations.put(m.from().code(), m.from());
            }
            if (!m.to().isVirtual()) {
                deltas.merge(key(m, m.to(), m.toStatus()), m.quantity(), BigDecimal::add);
                locations.put(m.to().code(), m.to());
            }
        }
        List<LedgerStore.Change> changes = new ArrayList<>(deltas.size());
        for (Map.Entry<BalanceKey, BigDecimal> e : deltas.entrySet()) {
            BigDecimal used = consumed.getOrDefault(e.getKey(), BigDecimal.ZERO);
            if (e.getValue().signum() != 0 || used.signum() != 0) {
                changes.add(new LedgerStore.Change(e.getKey(), e.getValue(), used,
                        locations.get(e.getKey().location()).allowNegative()));
            }
        }
        return changes;
    }

    private void balances(List<ResolvedMovement> movements, Map<BalanceKey, BigDecimal> consumed, String actor,
                          Instant now) {
        List<LedgerStore.Change> changes = changes(movements, consumed);
        int refused = changes.isEmpty() ? -1 : store.applyAll(changes, now);
        if (refused >= 0) {
            throw refusal(changes.get(refused), actor, now, movements);
        }
    }

    /** The refusal of a change for insufficient stock (or stock on hold), counted after the rollback. */
    public ApiProblem refusal(LedgerStore.Change change, String actor, Instant now, List<ResolvedMovement> movements) {
        return refused(change.key(), change.delta().negate(), actor, now, movements);
    }

    private ApiProblem refused(BalanceKey key, BigDecimal requested, String actor, Instant now,
                               List<ResolvedMovement> movements) {
        String reference = movements.size() == 1 ? movements.get(0).reference() : null;
        BigDecimal available = store.available(key);
        java.util.Map<StockStatus, BigDecimal> held = key.status() == StockStatus.AVAILABLE
                ? store.notAvailable(key) : java.util.Map.of();
        ApiProblem problem = held.isEmpty()
                ? new InsufficientStock(key.sku(), key.location(), key.lot(), key.status(), requested, available)
                : new com.invgov.inventory.StockOnHold(key.sku(), key.location(), key.lot(), requested, available, held);
        String lot = key.lot();
        return problem.afterRollback(() -> {
            store.recordRefusal("POSTING", key.sku(), key.location(), lot, requested, reference, actor, now);
            publisher.publishEvent(new StockRefused("POSTING", key.sku(), key.location(), lot.isEmpty() ? null : lot,
                    requested, reference, actor));
        });
    }

    private static BalanceKey key(ResolvedMovement m, Location location, StockStatus status) {
        String serial = m.item().tracking() == Tracking.SERIAL ? m.serial() : "";
        return new BalanceKey(m.item().sku(), location.code(), m.lot(), serial, status);
    }
}
