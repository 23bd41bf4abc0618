package com.invgov.quality.ui;

import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.security.Role;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-holds dashboard tile counts open holds and the value they keep in QUARANTINE. */
@IntegrationTest
class OpenHoldsTileTest {

    private static final Pattern HEADLINE = Pattern.compile("(\\d+) holds?");
    private static final Pattern DETAIL = Pattern.compile("value (\\d+\\.\\d{2}) in QUARANTINE");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<DashboardTile> tiles;

    @Test
    void aNewHoldAddsOneHoldAndItsValueAndADispositionTakesItsPartOut() {
        DashboardTile tile = tiles.stream().filter(t -> t.key().equals("open-holds")).findFirst().orElseThrow();
        assertThat(tile.audience()).contains(Role.QUALITY, Role.INVENTORY_CONTROLLER, Role.AUDITOR)
                .doesNotContain(Role.OPERATOR);
        TileValue before = tile.read();
        QualityFixture f = new QualityFixture(port, jdbc);
        var hold = f.heldLot(f.item("TST", "2.50", false), "TL" + UUID.randomUUID().toString().substring(0, 6), 100);

        TileValue after = tile.read();
        assertThat(count(after) - count(before)).isEqualTo(1);
        assertThat(value(after).subtract(value(before))).isEqualByComparingTo("250.00");
        assertThat(after.tone()).isEqualTo(TileValue.Tone.WARNING);

        f.dispose(hold, "SCRAP", 40);
        TileValue scrapped = tile.read();
        assertThat(count(scrapped)).isEqualTo(count(after));
        assertThat(value(after).subtract(value(scrapped))).isEqualByComparingTo("100.00");
    }

    private static int count(TileValue v) {
        Matcher m = HEADLINE.matcher(v.headline());
        assertThat(m.matches()).as(v.headline()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static BigDecimal value(TileValue v) {
        Matcher m = DETAIL.matcher(v.detail());
        assertThat(m.matches()).as(v.detail()).isTrue();
        return new BigDecimal(m.group(1));
    }
}
