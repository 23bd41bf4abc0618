package com.invgov.quality.ui;

import com.invgov.console.TileValue;
import com.invgov.quality.HoldFigures;
import com.invgov.quality.QualityHolds;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The tile's wording and tone, whatever the shared test database holds. */
class OpenHoldsTileToneTest {

    @Test
    void noOpenHoldIsGoodAndOneIsAWarningWithTwoDecimalMoney() {
        QualityHolds holds = mock(QualityHolds.class);
        when(holds.figures()).thenReturn(new HoldFigures(0, new BigDecimal("0.00")));
        TileValue none = new OpenHoldsTile(holds).read();
        assertThat(none.headline()).isEqualTo("0 holds");
        assertThat(none.tone()).isEqualTo(TileValue.Tone.GOOD);

        when(holds.figures()).thenReturn(new HoldFigures(1, new BigDecimal("2500.00")));
        TileValue one = new OpenHoldsTile(holds).read();
        assertThat(one.headline()).isEqualTo("1 hold");
        assertThat(one.detail()).isEqualTo("value 2500.00 in QUARANTINE");
        assertThat(one.tone()).isEqualTo(TileValue.Tone.WARNING);
    }
}
