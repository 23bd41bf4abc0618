package com.invgov.quality.ui;

import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.quality.HoldFigures;
import com.invgov.quality.QualityHolds;
import com.invgov.security.Role;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Dashboard: how many quality holds are open and the value of the stock they keep in QUARANTINE. */
@Component
class OpenHoldsTile implements DashboardTile {

    private final QualityHolds holds;

    OpenHoldsTile(QualityHolds holds) {
        this.holds = holds;
    }

    @Override
    public String key() {
        return "open-holds";
    }

    @Override
    public String title() {
        return "Open quality holds";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Set<Role> audience() {
        return Set.of(Role.QUALITY, Role.INVENTORY_CONTROLLER, Role.PLANNER, Role.FINANCE, Role.ADMIN, Role.AUDITOR);
    }

    @Override
    public TileValue read() {
        HoldFigures f = holds.figures();
        return TileValue.of(f.openHolds() + (f.openHolds() == 1 ? " hold" : " holds"),
                "value " + f.value().toPlainString() + " in QUARANTINE",
                f.openHolds() > 0 ? TileValue.Tone.WARNING : TileValue.Tone.GOOD);
    }
}
