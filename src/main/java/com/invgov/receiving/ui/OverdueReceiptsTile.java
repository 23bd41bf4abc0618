package com.invgov.receiving.ui;

import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.receiving.ExpectedReceipts;
import com.invgov.receiving.OverdueFigures;
import com.invgov.security.Role;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Dashboard: expected receipt lines past their due date with quantity still open. */
@Component
class OverdueReceiptsTile implements DashboardTile {

    private final ExpectedReceipts expected;

    OverdueReceiptsTile(ExpectedReceipts expected) {
        this.expected = expected;
    }

    @Override
    public String key() {
        return "overdue-receipts";
    }

    @Override
    public String title() {
        return "Overdue receipts";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Set<Role> audience() {
        return Set.of(Role.PLANNER, Role.INVENTORY_CONTROLLER, Role.OPERATOR, Role.ADMIN, Role.AUDITOR);
    }

    @Override
    public TileValue read() {
        OverdueFigures f = expected.overdueFigures();
        if (f.lines() == 0) {
            return TileValue.of("0 overdue", "every expected receipt past its due date has arrived",
                    TileValue.Tone.GOOD);
        }
        return TileValue.of(f.lines() + " overdue", (f.lines() == 1 ? "1 PO line" : f.lines() + " PO lines")
                + " past due with quantity open, oldest due " + f.oldestDue() + ", open value "
                + f.openValue().toPlainString(), TileValue.Tone.ALERT);
    }
}
