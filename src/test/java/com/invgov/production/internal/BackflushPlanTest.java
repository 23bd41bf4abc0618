package com.invgov.production.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a backflush still needs of a BOM line, and which stock it takes: first expiry first, then first in. */
class BackflushPlanTest {

    @Test
    void aLineIssuedByHandIsOnlyToppedUpAndNeverNegative() {
        assertThat(BackflushPlan.needed(new BigDecimal("2.5"), BigDecimal.ONE, new BigDecimal("4"),
                new BigDecimal("3"), false)).isEqualByComparingTo("7");
        assertThat(BackflushPlan.needed(new BigDecimal("2"), BigDecimal.TEN, new BigDecimal("1"),
                new BigDecimal("25"), false)).isEqualByComparingTo("0");
        // 1 BOX of 10 per unit
        assertThat(BackflushPlan.needed(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("3"), BigDecimal.ZERO, false))
                .isEqualByComparingTo("30");
        // a serial-numbered component is taken in whole units; fractions are rounded up, never down
        assertThat(BackflushPlan.needed(new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("3"), BigDecimal.ZERO,
                true)).isEqualByComparingTo("2");
        assertThat(BackflushPlan.needed(new BigDecimal("0.3333333"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO,
                false)).isEqualByComparingTo("0.333334");
    }

    @Test
    void stockIsTakenFirstExpiryFirstThenFirstInAndAShortLineSaysHowMuchThereIs() {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        List<BackflushPlan.Stock> stock = List.of(
                new BackflushPlan.Stock("OLD-NO-EXPIRY", null, new BigDecimal("50"), null, t),
                new BackflushPlan.Stock("NEW-EXPIRES-SOON", null, new BigDecimal("4"), LocalDate.of(2026, 12, 1),
                        t.plusSeconds(3600)),
                new BackflushPlan.Stock("OLD-EXPIRES-LATER", null, new BigDecimal("5"), LocalDate.of(2027, 6, 1), t),
                new BackflushPlan.Stock("SECOND-IN", null, new BigDecimal("7"), null, t.plusSeconds(60)));
        BackflushPlan.Line line = BackflushPlan.pick("C", new BigDecimal("12"), stock);
        assertThat(line.isShort()).isFalse();
        assertThat(line.picks()).extracting(BackflushPlan.Pick::lot)
                .containsExactly("NEW-EXPIRES-SOON", "OLD-EXPIRES-LATER", "OLD-NO-EXPIRY");
        assertThat(line.picks()).extracting(p -> p.quantity().toPlainString()).containsExactly("4", "5", "3");

        BackflushPlan.Line tooMuch = BackflushPlan.pick("C", new BigDecimal("100"), stock);
        assertThat(tooMuch.isShort()).isTrue();
        assertThat(tooMuch.available()).isEqualByComparingTo("66");
    }
}
