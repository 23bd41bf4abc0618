package com.invgov.inventory.internal;

import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.StockStatus;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a plain movement (POST /movements, the console's transfer) may not do to held stock. QUARANTINE belongs to
 * quality holds and INSPECTION to receipts: both keep books of what they hold where (a hold line, a receipt), so a
 * movement in or out of those statuses, or a move of such stock elsewhere, would leave the books behind and the
 * later disposition or inspection refused. BLOCKED (what a REWORK disposition leaves) keeps no books: it may be moved
 * keeping its status, but it leaves BLOCKED only through a quality hold and its disposition, as held stock does. So
 * stock enters QUARANTINE or BLOCKED only by a quality hold, INSPECTION only by a receipt.
 */
public final class HeldStock {

    private static final Set<StockStatus> HELD = EnumSet.of(StockStatus.INSPECTION, StockStatus.QUARANTINE,
            StockStatus.BLOCKED);
    private static final Set<MovementType> KEEP_STATUS = EnumSet.of(MovementType.PUTAWAY, MovementType.TRANSFER,
            MovementType.TRANSFER_SHIP, MovementType.TRANSFER_RECEIVE);

    private HeldStock() {
    }

    /** Why a plain movement may not post this; empty when it may. */
    public static Optional<String> refusal(MovementCommand m) {
        if (m.type() == null) {
            return Optional.empty();
        }
        StockStatus from = status(m.from(), StockStatus.AVAILABLE);
        StockStatus to = status(m.to(), KEEP_STATUS.contains(m.type()) ? from : StockStatus.AVAILABLE);
        if (from == StockStatus.BLOCKED && to == StockStatus.BLOCKED && KEEP_STATUS.contains(m.type())) {
            return Optional.empty();
        }
        if (HELD.contains(from)) {
            return Optional.of(switch (from) {
                case QUARANTINE -> "QUARANTINE stock is on quality hold: only a disposition of its hold (POST "
                        + "/api/v1/quality-holds/{id}/dispositions, QUALITY) releases, scraps, returns or reworks it.";
                case INSPECTION -> "INSPECTION stock waits for its receipt's inspection (POST "
                        + "/api/v1/receipts/{id}/inspection, QUALITY) or the buyer's decision on an over-receipt; it "
                        + "cannot be moved, released or scrapped by a movement.";
                default -> "BLOCKED stock may only be moved keeping its status; a quality hold and its disposition "
                        + "(POST /api/v1/quality-holds, QUALITY) release or scrap it.";
            });
        }
        if (HELD.contains(to)) {
            return Optional.of("Stock goes into " + to + " only " + (to == StockStatus.INSPECTION
                    ? "by a receipt that needs inspection (POST /api/v1/receipts)."
                    : "by a quality hold (POST /api/v1/quality-holds, QUALITY)."));
        }
        return Optional.empty();
    }

    private static StockStatus status(Place place, StockStatus absent) {
        return place == null || place.status() == null ? absent : place.status();
    }
}
