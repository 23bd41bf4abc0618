package com.invgov.production.ui;

import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.production.Production;
import com.invgov.production.ScrapRate;
import com.invgov.security.Role;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Dashboard: scrap as a share of production by value over the last 30 days (see {@link ScrapRate}), with a daily
 * trend. Up to 2 % is good, up to 5 % a warning, above that an alert.
 */
@Component
class ScrapRateTile implements DashboardTile {

    static final int DAYS = 30;
    private static final BigDecimal GOOD = new BigDecimal("2");
    private static final BigDecimal WARNING = new BigDecimal("5");

    private final Production production;

    ScrapRateTile(Production production) {
        this.production = production;
    }

    @Override
    public String key() {
        return "scrap-rate";
    }

    @Override
    public String title() {
        return "Scrap rate, last 30 days";
    }

    @Override
    public int order() {
        return 65;
    }

    @Override
    public Set<Role> audience() {
        return Set.of(Role.OPERATOR, Role.PLANNER, Role.QUALITY, Role.INVENTORY_CONTROLLER, Role.FINANCE, Role.ADMIN,
                Role.AUDITOR);
    }

    @Override
    public TileValue read() {
        return value(production.scrapRate(DAYS));
    }

    static TileValue value(ScrapRate rate) {
        var trend = rate.days().stream().map(ScrapRate.Day::percent).toList();
        if (rate.percent() == null) {
            return new TileValue("–", "nothing produced or scrapped in the last " + DAYS + " days",
                    TileValue.Tone.NEUTRAL, trend);
        }
        TileValue.Tone tone = rate.percent().compareTo(GOOD) <= 0 ? TileValue.Tone.GOOD
                : rate.percent().compareTo(WARNING) <= 0 ? TileValue.Tone.WARNING : TileValue.Tone.ALERT;
        return new TileValue(rate.percent().toPlainString() + " %", "scrap " + rate.scrapValue().toPlainString()
                + " vs produced " + rate.producedValue().toPlainString() + " (value), last " + DAYS + " days", tone,
                trend);
    }
}
