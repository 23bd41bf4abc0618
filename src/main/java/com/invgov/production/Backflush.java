package com.invgov.production;

import com.invgov.api.Conflict;
import com.invgov.api.ValidationFailed;
import com.invgov.inventory.Balance;
import com.invgov.inventory.InsufficientStock;
import com.invgov.inventory.Item;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.Location;
import com.invgov.inventory.LocationType;
import com.invgov.inventory.Lot;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Reservation;
import com.invgov.inventory.Reservations;
import com.invgov.inventory.StockFilter;
import com.invgov.inventory.StockStatus;
import com.invgov.inventory.Tracking;
import com.invgov.production.internal.BackflushPlan;
import com.invgov.production.internal.ProductionStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the backflush of a completion: for each BOM line marked BACKFLUSH, what is still to consume and which
 * AVAILABLE lots (or serials) of the backflush location it takes, FEFO then FIFO. Held stock (QUARANTINE,
 * INSPECTION, BLOCKED) is never a candidate. Refuses the whole completion (409 insufficient-stock) when any line is
 * short, before anything is posted.
 */
@Component
class Backflush {

    private final ProductionStore store;
    private final MasterData masterData;
    private final Ledger ledger;
    private final Reservations reservations;

    Backflush(ProductionStore store, MasterData masterData, Ledger ledger, Reservations reservations) {
        this.store = store;
        this.masterData = masterData;
        this.ledger = ledger;
        this.reservations = reservations;
    }

    /**
     * The location backflush takes from: the order's issue location, else the PRODUCTION (line-side) location of
     * the warehouse the completion goes to.
     */
    String source(ProductionOrder order, String completionLocation) {
        if (order.issueLocation() != null) {
            return order.issueLocation();
        }
        Location to = masterData.findLocation(completionLocation)
                .orElseThrow(() -> new ValidationFailed("location", "unknown location " + completionLocation));
        if (to.isVirtual() || to.warehouse() == null) {
            throw new ValidationFailed("location", completionLocation + " is virtual; name a real location");
        }
        return masterData.locations(to.warehouse(), LocationType.PRODUCTION, null, 1).items().stream()
                .map(Location::code).findFirst()
                .orElseThrow(() -> new ValidationFailed("issueLocation", "warehouse " + to.warehouse()
                        + " has no PRODUCTION location to backflush from; give the order an issue location"));
    }

    /** The picks of every backflushed line, given what the order will have produced after this completion. */
    List<BackflushPlan.Pick> plan(ProductionOrder order, BigDecimal producedTotal, String source) {
        long id = Long.parseLong(order.id());
        List<BackflushPlan.Pick> picks = new ArrayList<>();
        List<BackflushPlan.Line> shortLines = new ArrayList<>();
        for (ProductionStore.BomLine line : store.bom(order.sku(), order.bomRevision())) {
            if (!line.backflush()) {
                continue;
            }
            Item component = masterData.item(line.component());
            BigDecimal factor = component.factor(line.uom()).orElseThrow(() -> new Conflict("BOM line " + line.line()
                    + " of " + order.sku() + " rev " + order.bomRevision() + " is in " + line.uom() + ", which "
                    + component.sku() + " does not convert to " + component.baseUom()));
            BigDecimal needed = BackflushPlan.needed(line.quantity(), factor, producedTotal,
                    store.consumed(id, component.sku()), component.tracking() == Tracking.SERIAL);
            if (needed.signum() == 0) {
                continue;
            }
            BackflushPlan.Line planned = BackflushPlan.pick(component.sku(), needed,
                    stock(component.sku(), source, "MO-" + order.id()));
            if (planned.isShort()) {
                shortLines.add(planned);
            }
            picks.addAll(planned.picks());
        }
        if (!shortLines.isEmpty()) {
            BackflushPlan.Line first = shortLines.get(0);
            InsufficientStock refusal = new InsufficientStock(first.sku(), source, null, StockStatus.AVAILABLE,
                    first.needed(), first.available());
            refusal.with("shortages", shortLines.stream().map(l -> Map.of("sku", l.sku(), "location", source,
                    "requested", l.needed(), "available", l.available())).toList());
            throw refusal;
        }
        return picks;
    }

    /** AVAILABLE stock of a component at the location, less what others reserved (this order's reservations count). */
    private List<BackflushPlan.Stock> stock(String sku, String location, String reference) {
        Map<String, BigDecimal> ours = new HashMap<>();
        for (Reservation r : reservations.reservations(reference, sku, true, null, 1000).items()) {
            if (location.equals(r.location())) {
                ours.merge(key(r.lot(), r.serial()), r.quantity(), BigDecimal::add);
            }
        }
        List<Balance> balances = ledger.stockSlice(new StockFilter(sku, location, null, StockStatus.AVAILABLE, null),
                0, 1000);
        Map<String, Lot> lots = balances.stream().anyMatch(b -> b.lot() != null) ? lots(sku) : Map.of();
        List<BackflushPlan.Stock> out = new ArrayList<>();
        for (Balance b : balances) {
            BigDecimal free = b.available().add(ours.getOrDefault(key(b.lot(), b.serial()), BigDecimal.ZERO))
                    .min(b.quantity());
            Lot lot = b.lot() == null ? null : lots.get(b.lot());
            out.add(new BackflushPlan.Stock(b.lot(), b.serial(), free, lot == null ? null : lot.expiresOn(),
                    lot == null ? null : lot.createdAt()));
        }
        return out;
    }

    /** Every lot of the item with its expiry and creation time (the lots list is paged in (sku, lot) order). */
    private Map<String, Lot> lots(String sku) {
        Map<String, Lot> lots = new HashMap<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            var lotPage = ledger.lots(sku, after, 1000);
            lotPage.items().forEach(l -> lots.put(l.lot(), l));
            if (lotPage.next() == null) {
                break;
            }
            after = lotPage.next();
        }
        return lots;
    }

    private static String key(String lot, String serial) {
        return (lot == null ? "" : lot) + "\u001f" + (serial == null ? "" : serial);
    }
}
