package com.invgov.adjustment.ui;

import com.invgov.adjustment.AdjustmentFigures;
import com.invgov.adjustment.AdjustmentFigures.Escalated;
import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.security.Role;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** Overdue tasks: adjustments whose approval has waited longer than 24 hours. Any of them is an alert. */
@Component
class EscalatedApprovalsTile implements DashboardTile {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final AdjustmentFigures figures;

    EscalatedApprovalsTile(AdjustmentFigures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "escalated-approvals";
    }

    @Override
    public String title() {
        return "Overdue approvals";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Set<Role> audience() {
        return Set.of(Role.INVENTORY_CONTROLLER, Role.FINANCE, Role.ADMIN, Role.AUDITOR);
    }

    @Override
    public TileValue read() {
        return show(figures.escalated());
    }

    static TileValue show(Escalated e) {
        if (e.adjustments() == 0) {
            return TileValue.of("0", "no adjustment has waited more than 24 h for approval", TileValue.Tone.GOOD);
        }
        return TileValue.of(String.valueOf(e.adjustments()),
                (e.adjustments() == 1 ? "adjustment has" : "adjustments have") + " waited more than 24 h for approval"
                        + " · value " + AdjustmentValueTile.money(e.value()) + " · oldest opened "
                        + DAY.format(e.oldestSince()),
                TileValue.Tone.ALERT);
    }
}
