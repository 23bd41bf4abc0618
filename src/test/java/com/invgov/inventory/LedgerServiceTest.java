package com.invgov.inventory;

import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's Java API as other modules use it: ADJUSTMENT postings, keys, balances as of a time. */
@IntegrationTest
class LedgerServiceTest {

    static final String LOCATION = "P1-WH1-A-03-03";

    @Autowired
    Ledger ledger;

    @Test
    void adjustmentsArePostedOnceAtTheCountsEventTime() {
        Instant countedAt = Instant.parse("2026-11-20T09:00:00Z");
        BigDecimal before = ledger.balanceAsOf("FAS-00001", LOCATION, null, StockStatus.AVAILABLE, Instant.now());
        // the virtual ADJUSTMENT location keeps no balance: its "as of" is summed from its movements
        BigDecimal adjustedBefore = ledger.balanceAsOf("FAS-00001", "ADJUSTMENT", null, null, countedAt);
        String key = "adj-" + UUID.randomUUID();
        MovementCommand found = new MovementCommand(MovementType.ADJUSTMENT, "FAS-00001", new BigDecimal("7"), "EA",
                null, null, null, new Place(LOCATION, null), "ADJ-1", "FOUND", countedAt, "invgov");
        Movement first = ledger.post(found, new Posting("adjustment-approval", "invgov", key));
        Movement again = ledger.post(found, new Posting("adjustment-approval", "invgov", key));
        assertThat(again.id()).isEqualTo(first.id());
        // a key names one posting: another movement under it is refused, not answered with the one posted then
        MovementCommand other = new MovementCommand(MovementType.ADJUSTMENT, "FAS-00001", new BigDecimal("8"), "EA",
                null, null, null, new Place(LOCATION, null), "ADJ-1", "FOUND", countedAt, "invgov");
        assertThatThrownBy(() -> ledger.post(other, new Posting("adjustment-approval", "invgov", key)))
                .isInstanceOfSatisfying(com.invgov.api.ApiProblem.class, e -> assertThat(e.type())
                        .isEqualTo(com.invgov.api.ProblemType.IDEMPOTENCY_CONFLICT));
        assertThat(first.from().location()).isEqualTo("ADJUSTMENT");
        assertThat(first.eventTime()).isEqualTo(countedAt);
        assertThat(ledger.balanceAsOf("FAS-00001", LOCATION, null, StockStatus.AVAILABLE, Instant.now()))
                .isEqualByComparingTo(before.add(new BigDecimal("7")));
        assertThat(ledger.balanceAsOf("FAS-00001", "ADJUSTMENT", null, null, countedAt))
                .isEqualByComparingTo(adjustedBefore.subtract(new BigDecimal("7")));
        assertThat(ledger.balanceAsOf("FAS-00001", "ADJUSTMENT", null, null, countedAt.minusSeconds(1)))
                .isEqualByComparingTo(ledger.balanceAsOf("FAS-00001", "ADJUSTMENT", null, null, countedAt)
                        .add(new BigDecimal("7")));

        MovementCommand lost = new MovementCommand(MovementType.ADJUSTMENT, "FAS-00001", new BigDecimal("100000"), "EA",
                null, null, new Place(LOCATION, null), null, "ADJ-2", "LOST", countedAt, "invgov");
        assertThatThrownBy(() -> ledger.post(lost, new Posting("adjustment-approval", "invgov", "adj-" + UUID.randomUUID())))
                .isInstanceOf(InsufficientStock.class);
        assertThat(ledger.balanceAsOf("FAS-00001", LOCATION, null, StockStatus.AVAILABLE, Instant.now()))
                .isEqualByComparingTo(before.add(new BigDecimal("7")));
    }
}
