package com.invgov.adjustment.ui;

import com.invgov.adjustment.AdjustmentFigures.Accuracy;
import com.invgov.adjustment.AdjustmentFigures.DayShare;
import com.invgov.adjustment.AdjustmentFigures.DayValue;
import com.invgov.adjustment.AdjustmentFigures.Escalated;
import com.invgov.adjustment.AdjustmentFigures.PostedValue;
import com.invgov.console.TileValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the adjustment tiles make of their figures (no database). */
class AdjustmentTilesTest {

    private static final LocalDate D = LocalDate.of(2026, 11, 1);

    @Test
    void accuracyIsTheShareOfFirstCountsWithinToleranceWithItsTone() {
        TileValue good = InventoryAccuracyTile.show(new Accuracy(40, 39, List.of(new DayShare(D, 40, 39))));
        assertThat(good.headline()).isEqualTo("97.5 %");
        assertThat(good.detail()).isEqualTo("39 of 40 first counts within tolerance, last 30 days");
        assertThat(good.tone()).isEqualTo(TileValue.Tone.GOOD);
        assertThat(InventoryAccuracyTile.show(new Accuracy(20, 18, List.of())).tone())
                .as("90 %").isEqualTo(TileValue.Tone.WARNING);
        assertThat(InventoryAccuracyTile.show(new Accuracy(20, 16, List.of())).tone())
                .as("80 %").isEqualTo(TileValue.Tone.ALERT);
        TileValue none = InventoryAccuracyTile.show(new Accuracy(0, 0, List.of(new DayShare(D, 0, 0))));
        assertThat(none.headline()).isEqualTo("–");
        assertThat(none.tone()).isEqualTo(TileValue.Tone.NEUTRAL);
        assertThat(none.trend()).isEmpty();
    }

    @Test
    void aDayWithoutCountsRepeatsTheLevelBeforeIt() {
        List<BigDecimal> trend = InventoryAccuracyTile.trend(List.of(new DayShare(D, 0, 0),
                new DayShare(D.plusDays(1), 4, 3), new DayShare(D.plusDays(2), 0, 0), new DayShare(D.plusDays(3), 2, 2)));
        assertThat(trend).containsExactly(new BigDecimal("75.0"), new BigDecimal("75.0"), new BigDecimal("75.0"),
                new BigDecimal("100.0"));
    }

    @Test
    void adjustmentValueShowsNetSignedAndAbsoluteInTheDetail() {
        TileValue v = AdjustmentValueTile.show(new PostedValue(3, new BigDecimal("-1234.5"), new BigDecimal("1300"),
                List.of(new DayValue(D, 1, new BigDecimal("10"), new BigDecimal("10")),
                        new DayValue(D.plusDays(1), 2, new BigDecimal("-1244.5"), new BigDecimal("1290")))));
        assertThat(v.headline()).isEqualTo("-1,234.50");
        assertThat(v.detail()).isEqualTo("net of 3 posted adjustments, absolute 1,300.00, last 30 days");
        assertThat(v.trend()).containsExactly(new BigDecimal("10.00"), new BigDecimal("-1244.50"));
        assertThat(AdjustmentValueTile.show(new PostedValue(1, new BigDecimal("2.6"), new BigDecimal("2.6"),
                List.of())).headline()).isEqualTo("+2.60");
    }

    @Test
    void anyOverdueApprovalIsAnAlert() {
        TileValue none = EscalatedApprovalsTile.show(new Escalated(0, BigDecimal.ZERO, null));
        assertThat(none.headline()).isEqualTo("0");
        assertThat(none.tone()).isEqualTo(TileValue.Tone.GOOD);
        TileValue two = EscalatedApprovalsTile.show(new Escalated(2, new BigDecimal("832"),
                Instant.parse("2026-11-20T10:00:00Z")));
        assertThat(two.headline()).isEqualTo("2");
        assertThat(two.tone()).isEqualTo(TileValue.Tone.ALERT);
        assertThat(two.detail()).contains("value 832.00").contains("oldest opened 2026-11-20");
    }
}
