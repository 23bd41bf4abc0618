package com.invgov.counting.internal;

import com.invgov.adjustment.AdjustmentRejected;
import com.invgov.counting.plan.EventCountReason;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.LocationType;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.MovementPosted;
import com.invgov.inventory.Place;
import com.invgov.inventory.StockRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event counts (DESIGN §5.2): a balance of a countable pair reaching zero, a posting refused for insufficient stock,
 * a rejected adjustment each store a row that the next planning turns into a count due the day after. Listens
 * synchronously: in the posting's or the rejection's transaction (a refusal is published after its rollback, so that
 * one gets a transaction of its own).
 */
@Component
class CountEventListener {

    private static final Object PENDING = new Object();

    private final CountPlanStore store;
    private final MasterData masterData;
    private final Ledger ledger;
    private final Clock clock;

    CountEventListener(CountPlanStore store, MasterData masterData, Ledger ledger, Clock clock) {
        this.store = store;
        this.masterData = masterData;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Collects the pairs a transaction's postings may have emptied, and checks them all with one query just before
     * the transaction commits — countable STOCK location, nothing left — so a posting costs no query here and a
     * batch of 1000 postings one, not 1000.
     */
    @EventListener
    public void on(MovementPosted posted) {
        Place from = posted.movement().from();
        if (from == null || !posted.mayHaveEmptied()) {
            // the ledger saw every balance it took from still holding stock: nothing to confirm
            return;
        }
        List<String> pair = List.of(posted.movement().sku(), from.location());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            checkForZero(Map.of(pair, "movement:" + posted.movementId()));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<List<String>, String> pending = (Map<List<String>, String>) TransactionSynchronizationManager
                .getResource(PENDING);
        if (pending == null) {
            Map<List<String>, String> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(PENDING, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    checkForZero(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = created;
        }
        pending.putIfAbsent(pair, "movement:" + posted.movementId());
    }

    private void checkForZero(Map<List<String>, String> pairs) {
        for (List<String> empty : ledger.emptyCountablePairs(pairs.keySet())) {
            record(empty.get(0), empty.get(1), EventCountReason.ZERO_CONFIRMATION, pairs.get(empty));
        }
    }

    @EventListener
    @Transactional
    public void on(StockRefused refused) {
        if ("POSTING".equals(refused.kind()) && countable(refused.location())) {
            record(refused.sku(), refused.location(), EventCountReason.INSUFFICIENT_STOCK_REFUSED,
                    refused.reference());
        }
    }

    @EventListener
    @Transactional
    public void on(AdjustmentRejected rejected) {
        if (countable(rejected.location())) {
            record(rejected.sku(), rejected.location(), EventCountReason.ADJUSTMENT_REJECTED,
                    "adjustment:" + rejected.adjustmentId());
        }
    }

    private boolean countable(String location) {
        return location != null && masterData.findLocation(location)
                .filter(l -> l.type() == LocationType.STOCK && l.countable()).isPresent();
    }

    private void record(String sku, String location, EventCountReason reason, String reference) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        store.recordEvent(sku, location, reason.name(), today, reference, clock.instant());
    }
}
