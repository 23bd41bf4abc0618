package com.invgov.receiving.ui;

import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.receiving.ExpectedReceipts;
import com.invgov.receiving.OverdueFigures;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The overdue-receipts tile: lines past due with quantity still open, and what is still open of them. */
@IntegrationTest
class OverdueReceiptsTileTest {

    private static final Pattern DETAIL = Pattern.compile(
            "\\d+ PO lines? past due with quantity open, oldest due (\\S+), open value (\\d+\\.\\d{2})");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<DashboardTile> tiles;

    @Test
    void anOverdueLineWithQuantityOpenCountsWithItsOpenValueAndNeitherAFutureNorAClosedOneDoes() {
        DashboardTile tile = tiles.stream().filter(t -> t.key().equals("overdue-receipts")).findFirst()
                .orElseThrow();
        TileValue before = tile.read();
        String po = "PO-TILE-" + UUID.randomUUID().toString().substring(0, 8);
        // 5 BOX of FAS-00001 (100 EA each, 0.26) with 200 EA arrived: 300 EA open, 78.00
        jdbc.sql("""
                INSERT INTO expected_receipt (po, line, supplier, sku, quantity, uom, due_date, warehouse,
                       received_quantity, closed)
                VALUES (?, 1, 'S001', 'FAS-00001', 5, 'BOX', ?, 'P1-WH1', 200, false),
                       (?, 2, 'S001', 'FAS-00001', 5, 'BOX', ?, 'P1-WH1', 0, false),
                       (?, 3, 'S001', 'FAS-00001', 5, 'BOX', ?, 'P1-WH1', 500, true)""")
                .params(po, LocalDate.now().minusDays(3), po, LocalDate.now().plusDays(1), po,
                        LocalDate.now().minusDays(3)).update();
        TileValue after = tile.read();
        assertThat(lines(after) - lines(before)).isEqualTo(1);
        assertThat(openValue(after).subtract(openValue(before))).isEqualByComparingTo("78.00");
        assertThat(after.tone()).isEqualTo(TileValue.Tone.ALERT);
        Matcher m = DETAIL.matcher(after.detail());
        assertThat(m.matches()).as(after.detail()).isTrue();
        assertThat(LocalDate.parse(m.group(1))).isBeforeOrEqualTo(LocalDate.now().minusDays(3));
    }

    @Test
    void nothingOverdueIsGood() {
        ExpectedReceipts expected = mock(ExpectedReceipts.class);
        when(expected.overdueFigures()).thenReturn(new OverdueFigures(0, null, new BigDecimal("0.00")));
        TileValue none = new OverdueReceiptsTile(expected).read();
        assertThat(none.headline()).isEqualTo("0 overdue");
        assertThat(none.tone()).isEqualTo(TileValue.Tone.GOOD);
    }

    private static int lines(TileValue v) {
        return Integer.parseInt(v.headline().replace(" overdue", ""));
    }

    private static BigDecimal openValue(TileValue v) {
        if (v.tone() == TileValue.Tone.GOOD) {
            return BigDecimal.ZERO;
        }
        Matcher m = DETAIL.matcher(v.detail());
        assertThat(m.matches()).as(v.detail()).isTrue();
        return new BigDecimal(m.group(2));
    }
}
