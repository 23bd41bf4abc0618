package com.invgov.receiving.internal;

import com.invgov.api.EventFeed;
import com.invgov.api.Transactions;
import com.invgov.receiving.ExpectedReceipt;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Announces each expected receipt that became overdue (due before today, not complete) once in the event feed as
 * {@code ExpectedReceiptOverdue}; the list API flags them all the time.
 */
@Component
class OverdueReceipts {

    private final ReceivingStore store;
    private final EventFeed events;
    private final Transactions transactions;
    private final Clock clock;

    OverdueReceipts(ReceivingStore store, EventFeed events, Transactions transactions, Clock clock) {
        this.store = store;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${invgov.receiving.overdue-check:PT1M}",
            fixedDelayString = "${invgov.receiving.overdue-check:PT1M}")
    void announce() {
        announceNow();
    }

    /** Announces what is newly overdue; returns those lines. */
    List<ExpectedReceipt> announceNow() {
        return transactions.inTransaction(() -> {
            List<ExpectedReceipt> overdue = store.announceOverdue(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
            overdue.forEach(e -> events.append("ExpectedReceiptOverdue", "expected-receipt", e.po() + "/" + e.line(), e));
            return overdue;
        });
    }
}
