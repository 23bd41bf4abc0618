package com.invgov.adjustment.ui;

import com.invgov.adjustment.AdjustmentFigures;
import com.invgov.adjustment.AdjustmentFigures.DayValue;
import com.invgov.adjustment.AdjustmentFigures.PostedValue;
import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.security.Role;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/**
 * The value of the posted adjustments, last 30 days: net (gains minus losses) as the headline, absolute (what was
 * written off or on in total) in the detail, and the net per day as the trend. Neutral: a value is not good or bad
 * by itself.
 */
@Component
class AdjustmentValueTile implements DashboardTile {

    private final AdjustmentFigures figures;

    AdjustmentValueTile(AdjustmentFigures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "adjustment-value";
    }

    @Override
    public String title() {
        return "Adjustment value";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Set<Role> audience() {
        return Set.of(Role.INVENTORY_CONTROLLER, Role.FINANCE, Role.ADMIN, Role.AUDITOR);
    }

    @Override
    public TileValue read() {
        return show(figures.postedValue());
    }

    static TileValue show(PostedValue v) {
        String detail = "net of " + v.adjustments() + " posted adjustment" + (v.adjustments() == 1 ? "" : "s")
                + ", absolute " + money(v.absolute()) + ", last " + AdjustmentFigures.DAYS + " days";
        return new TileValue(signed(v.net()), detail, TileValue.Tone.NEUTRAL,
                v.adjustments() == 0 ? java.util.List.of()
                        : v.days().stream().map(DayValue::net).map(n -> n.setScale(2, RoundingMode.HALF_UP)).toList());
    }

    /** 2 decimals with thousands separators. */
    static String money(BigDecimal value) {
        return String.format(Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_UP));
    }

    static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + money(value);
    }
}
