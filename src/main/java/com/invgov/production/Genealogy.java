package com.invgov.production;

import com.invgov.api.ValidationFailed;
import com.invgov.inventory.Balance;
import com.invgov.inventory.Item;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Movement;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.StockFilter;
import com.invgov.production.internal.ProductionStore;
import com.invgov.receiving.Receiving;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Walks the genealogy of production orders from a lot or a serial: upstream (what went into it, recursively) and
 * downstream (what was made from it, recursively), with receipts, shipments and where it all is now. A serial is
 * followed by its serial number, a lot by its lot; a serial-numbered unit that also has a lot is followed by serial.
 */
@Component
class Genealogy {

    private static final int MAX_DEPTH = 20;

    /** A lot or a serial of an item. */
    private record Unit(String sku, String lot, String serial) {

        boolean bySerial() {
            return serial != null && !serial.isEmpty();
        }

        boolean matches(String lot, String serial) {
            return bySerial() ? this.serial.equals(serial) : Objects.equals(this.lot, lot);
        }
    }

    private final ProductionStore store;
    private final MasterData masterData;
    private final Ledger ledger;
    private final Receiving receiving;

    Genealogy(ProductionStore store, MasterData masterData, Ledger ledger, Receiving receiving) {
        this.store = store;
        this.masterData = masterData;
        this.ledger = ledger;
        this.receiving = receiving;
    }

    Trace trace(String sku, String lot, String serial) {
        String l = blank(lot);
        String s = blank(serial);
        if ((l == null) == (s == null)) {
            throw new ValidationFailed(l == null ? "lot" : "serial", "name either a lot or a serial");
        }
        Item item = masterData.item(sku);
        Unit root = new Unit(item.sku(), s == null ? l : null, s);
        List<Trace.Node> upstream = new ArrayList<>();
        walk(root, 1, true, upstream, new HashSet<>());
        List<Trace.Node> downstream = new ArrayList<>();
        walk(root, 1, false, downstream, new HashSet<>());
        List<Unit> units = new ArrayList<>();
        units.add(root);
        downstream.forEach(n -> units.add(new Unit(n.sku(), n.lot(), n.serial())));
        List<Trace.Shipment> shipments = new ArrayList<>();
        List<Trace.Place> places = new ArrayList<>();
        Set<Unit> done = new HashSet<>();
        for (Unit u : units) {
            Unit key = u.bySerial() ? new Unit(u.sku(), null, u.serial()) : u;
            if (done.add(key)) {
                shipments.addAll(shipments(u));
                places.addAll(places(u));
            }
        }
        return new Trace(item.sku(), root.lot(), root.serial(), upstream, downstream, shipments, places,
                root.lot() == null ? List.of() : receipts(item.sku(), root.lot()));
    }

    private void walk(Unit unit, int depth, boolean up, List<Trace.Node> out, Set<String> seen) {
        String id = unit.sku() + "\u001f" + (unit.bySerial() ? "S" + unit.serial() : "L" + unit.lot());
        if (depth > MAX_DEPTH || !seen.add(id)) {
            return;
        }
        String lot = unit.lot() == null ? "" : unit.lot();
        List<ProductionStore.Link> links = up ? store.inputsOf(unit.sku(), lot, unit.serial())
                : store.outputsOf(unit.sku(), lot, unit.serial());
        for (ProductionStore.Link link : links) {
            String linkLot = link.lot().isEmpty() ? null : link.lot();
            String linkSerial = link.serial().isEmpty() ? null : link.serial();
            out.add(new Trace.Node(link.sku(), linkLot, linkSerial, "MO-" + link.orderId(), link.quantity(), depth,
                    up && linkLot != null ? receipts(link.sku(), linkLot) : List.of()));
            if (linkLot != null || linkSerial != null) {
                walk(new Unit(link.sku(), linkLot, linkSerial), depth + 1, up, out, seen);
            }
        }
    }

    private List<Trace.Place> places(Unit u) {
        List<Trace.Place> out = new ArrayList<>();
        for (Balance b : ledger.stockSlice(new StockFilter(u.sku(), null, null, null, u.bySerial() ? null : u.lot()),
                0, 1000)) {
            if (!u.bySerial() || u.serial().equals(b.serial())) {
                out.add(new Trace.Place(b.sku(), b.lot(), b.serial(), b.location(), b.status().name(), b.quantity()));
            }
        }
        return out;
    }

    private List<Trace.ReceiptRef> receipts(String sku, String lot) {
        return receiving.receiptsOfLot(sku, lot).stream().map(r -> new Trace.ReceiptRef(r.id(), r.po(), r.line(),
                r.supplier(), r.quantity())).toList();
    }

    private List<Trace.Shipment> shipments(Unit u) {
        List<Trace.Shipment> out = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            var movements = ledger.movements(u.sku(), null, after, 1000);
            for (Movement m : movements.items()) {
                if (m.type() == MovementType.SHIP && u.matches(m.lot(), m.serial())) {
                    out.add(new Trace.Shipment(m.sku(), m.lot(), m.serial(), m.id(), m.quantity(), m.reference(),
                            m.from().location(), m.eventTime()));
                }
            }
            if (movements.next() == null) {
                break;
            }
            after = movements.next();
        }
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
