package com.invgov.counting.ui;

import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.counting.CountPlans;
import com.invgov.counting.OnTimeCompletion;
import com.invgov.security.Role;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Set;

/** Dashboard: share of the planned counts due in the last 30 days that were counted on or before their due day. */
@Component
public class CountCompletionTile implements DashboardTile {

    private final CountPlans plans;

    public CountCompletionTile(CountPlans plans) {
        this.plans = plans;
    }

    @Override
    public String key() {
        return "count-completion-on-time";
    }

    @Override
    public String title() {
        return "Count completion on time";
    }

    @Override
    public int order() {
        return 32;
    }

    @Override
    public Set<Role> audience() {
        return Set.of(Role.INVENTORY_CONTROLLER, Role.ADMIN, Role.AUDITOR, Role.FINANCE);
    }

    @Override
    public TileValue read() {
        OnTimeCompletion completion = plans.onTimeCompletion();
        if (completion.sharePct() == null) {
            return TileValue.of("–", "no planned counts due in the last 30 days", TileValue.Tone.NEUTRAL);
        }
        TileValue.Tone tone = completion.sharePct().compareTo(BigDecimal.valueOf(95)) >= 0 ? TileValue.Tone.GOOD
                : completion.sharePct().compareTo(BigDecimal.valueOf(80)) >= 0 ? TileValue.Tone.WARNING
                : TileValue.Tone.ALERT;
        return TileValue.of(completion.sharePct().toPlainString() + " %", completion.onTime() + " of "
                + completion.due() + " planned counts on time, last 30 days", tone);
    }
}
