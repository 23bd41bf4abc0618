package com.invgov.production.ui;

import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.production.Production;
import com.invgov.production.ProductionFixture;
import com.invgov.production.ScrapRate;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scrap-rate dashboard tile: scrap value against produced value, last 30 days, one trend point per day. */
@IntegrationTest
class ScrapRateTileTest {

    @Autowired
    List<DashboardTile> tiles;
    @Autowired
    Production production;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void producedAndScrappedValueOfProductionOrdersMoveTheTile() {
        DashboardTile tile = tiles.stream().filter(t -> t.key().equals("scrap-rate")).findFirst().orElseThrow();
        assertThat(tile.audience()).contains(com.invgov.security.Role.QUALITY, com.invgov.security.Role.FINANCE,
                com.invgov.security.Role.OPERATOR).doesNotContain(com.invgov.security.Role.INTEGRATION);
        ScrapRate before = production.scrapRate(30);
        assertThat(before.days()).hasSize(30);
        assertThat(before.days().get(29).day()).isEqualTo(before.to());

        ProductionFixture f = new ProductionFixture(port, jdbc);
        String product = f.item("ASM", "LOT", "40.00", null);
        String bolt = f.item("BLT", "LOT", "0.50", null);
        f.bomLine(product, 1, bolt, "2", "EA", "MANUAL");
        f.stock(bolt, "T1", null, 100, ProductionFixture.LINE_SIDE, null);
        String mo = f.order(product, 10, null);
        assertThat(f.post("olga", "/api/v1/production-orders/" + mo + "/completions", """
                {"quantity": 5, "uom": "EA", "lot": "T-%s", "location": "%s", "backflush": false}"""
                .formatted(mo, ProductionFixture.STAGING)).getStatusCode().value()).isEqualTo(201);
        assertThat(f.post("olga", "/api/v1/production-orders/" + mo + "/scrap", """
                {"sku": "%s", "lot": "T1", "quantity": 8, "uom": "EA", "location": "%s", "reasonCode": "DAMAGED"}"""
                .formatted(bolt, ProductionFixture.LINE_SIDE)).getStatusCode().value()).isEqualTo(201);

        ScrapRate after = production.scrapRate(30);
        // 5 x 40.00 produced, 8 x 0.50 scrapped
        assertThat(after.producedValue().subtract(before.producedValue())).isEqualByComparingTo("200.00");
        assertThat(after.scrapValue().subtract(before.scrapValue())).isEqualByComparingTo("4.00");
        ScrapRate.Day today = after.days().get(29);
        assertThat(today.producedValue()).isGreaterThanOrEqualTo(new BigDecimal("200.00"));
        TileValue value = tile.read();
        assertThat(value.headline()).isEqualTo(after.percent().toPlainString() + " %");
        assertThat(value.detail()).contains("last 30 days");
        assertThat(value.trend()).hasSize(30);
    }

    @Test
    void theRateIsScrapValueOverProducedPlusScrapValueAndTheToneFollowsIt() {
        LocalDate first = LocalDate.of(2026, 11, 1);
        ScrapRate rate = ScrapRate.of(first, 3, List.of(
                new ScrapRate.Day(first, new BigDecimal("970"), new BigDecimal("30"), null),
                new ScrapRate.Day(first.plusDays(2), new BigDecimal("0"), new BigDecimal("10"), null)));
        assertThat(rate.producedValue()).isEqualByComparingTo("970.00");
        assertThat(rate.scrapValue()).isEqualByComparingTo("40.00");
        assertThat(rate.percent()).isEqualByComparingTo("3.96");           // 40 / 1010
        assertThat(rate.days()).extracting(ScrapRate.Day::percent).containsExactly(
                new BigDecimal("3.00"), new BigDecimal("0.00"), new BigDecimal("100.00"));
        TileValue value = ScrapRateTile.value(rate);
        assertThat(value.headline()).isEqualTo("3.96 %");
        assertThat(value.tone()).isEqualTo(TileValue.Tone.WARNING);
        assertThat(value.trend()).hasSize(3);

        assertThat(ScrapRateTile.value(ScrapRate.of(first, 2, List.of(
                new ScrapRate.Day(first, new BigDecimal("1000"), new BigDecimal("10"), null)))).tone())
                .isEqualTo(TileValue.Tone.GOOD);
        assertThat(ScrapRateTile.value(ScrapRate.of(first, 2, List.of(
                new ScrapRate.Day(first, new BigDecimal("100"), new BigDecimal("10"), null)))).tone())
                .isEqualTo(TileValue.Tone.ALERT);
        TileValue idle = ScrapRateTile.value(ScrapRate.of(first, 30, List.of()));
        assertThat(idle.tone()).isEqualTo(TileValue.Tone.NEUTRAL);
        assertThat(idle.headline()).isEqualTo("–");
    }
}
