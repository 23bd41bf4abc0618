package com.invgov.inventory.ui;

import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.Reservations;
import com.invgov.security.Role;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Stock-outs (DESIGN §8): reservations and postings refused for lack of stock in the last 7 days. */
@Component
class StockOutsTile implements DashboardTile {

    static final Duration WINDOW = Duration.ofDays(7);

    private final Ledger ledger;
    private final Reservations reservations;
    private final Clock clock;

    StockOutsTile(Ledger ledger, Reservations reservations, Clock clock) {
        this.ledger = ledger;
        this.reservations = reservations;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "stock-outs";
    }

    @Override
    public String title() {
        return "Stock-outs, last 7 days";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Set<Role> audience() {
        return Set.of(Role.PLANNER, Role.INVENTORY_CONTROLLER, Role.ADMIN, Role.AUDITOR, Role.OPERATOR);
    }

    @Override
    public TileValue read() {
        Instant since = clock.instant().minus(WINDOW);
        long refusedReservations = reservations.refusedReservations(since);
        long refusedPostings = ledger.refusedPostings(since);
        long total = refusedReservations + refusedPostings;
        return TileValue.of(String.valueOf(total),
                refusedReservations + " reservations and " + refusedPostings
                        + " postings refused for lack of stock",
                total == 0 ? TileValue.Tone.GOOD : TileValue.Tone.WARNING);
    }
}
