package com.invgov.adjustment.ui;

import com.invgov.adjustment.AdjustmentFigures;
import com.invgov.adjustment.AdjustmentFigures.Accuracy;
import com.invgov.adjustment.AdjustmentFigures.DayShare;
import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.security.Role;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Inventory record accuracy: the share of first counts within tolerance, last 30 days, and its daily trend. Good
 * from 95 %, a warning from 85 %, an alert below (a plant that trusts its records is at 95 % or better).
 */
@Component
class InventoryAccuracyTile implements DashboardTile {

    static final BigDecimal GOOD = new BigDecimal("95");
    static final BigDecimal WARNING = new BigDecimal("85");

    private final AdjustmentFigures figures;

    InventoryAccuracyTile(AdjustmentFigures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "inventory-accuracy";
    }

    @Override
    public String title() {
        return "Inventory accuracy";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Set<Role> audience() {
        return Set.of(Role.INVENTORY_CONTROLLER, Role.FINANCE, Role.QUALITY, Role.ADMIN, Role.AUDITOR);
    }

    @Override
    public TileValue read() {
        return show(figures.accuracy());
    }

    static TileValue show(Accuracy a) {
        if (a.counts() == 0) {
            return TileValue.of("–", "no counts in the last " + AdjustmentFigures.DAYS + " days", TileValue.Tone.NEUTRAL);
        }
        BigDecimal share = percent(a.withinTolerance(), a.counts());
        TileValue.Tone tone = share.compareTo(GOOD) >= 0 ? TileValue.Tone.GOOD
                : share.compareTo(WARNING) >= 0 ? TileValue.Tone.WARNING : TileValue.Tone.ALERT;
        return new TileValue(share.toPlainString() + " %",
                a.withinTolerance() + " of " + a.counts() + " first counts within tolerance, last "
                        + AdjustmentFigures.DAYS + " days",
                tone, trend(a.days()));
    }

    /**
     * One value per day: that day's share; a day without counts repeats the day before (days before the first
     * count take the first day's share), so the line shows the level, not gaps.
     */
    static List<BigDecimal> trend(List<DayShare> days) {
        BigDecimal first = days.stream().filter(d -> d.counts() > 0).findFirst()
                .map(d -> percent(d.withinTolerance(), d.counts())).orElse(null);
        if (first == null) {
            return List.of();
        }
        List<BigDecimal> trend = new ArrayList<>();
        BigDecimal last = first;
        for (DayShare d : days) {
            if (d.counts() > 0) {
                last = percent(d.withinTolerance(), d.counts());
            }
            trend.add(last);
        }
        return trend;
    }

    /** Share in percent, one decimal. */
    static BigDecimal percent(int part, int whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
