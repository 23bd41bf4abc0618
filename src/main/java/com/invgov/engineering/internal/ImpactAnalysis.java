package com.invgov.engineering.internal;

import com.invgov.engineering.EcoLine;
import com.invgov.engineering.Impact;
import com.invgov.inventory.Balance;
import com.invgov.inventory.Item;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.StockFilter;
import com.invgov.inventory.StockStatus;
import com.invgov.production.BillsOfMaterial;
import com.invgov.production.BomRevision;
import com.invgov.production.Production;
import com.invgov.production.ProductionOrder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The impact analysis of DESIGN §4: which components a change adds, drops or changes; the on-hand stock of the
 * outgoing ones (dropped or reduced) by location, lot and status; the product's open orders and the outgoing
 * components already issued to them; and the write-off value of the stock that becomes obsolete. Read through the
 * inventory and production modules' APIs, in the caller's transaction.
 */
@Component
class ImpactAnalysis {

    private static final int PAGE = 1000;

    private final MasterData masterData;
    private final Ledger ledger;
    private final BillsOfMaterial boms;
    private final Production production;

    ImpactAnalysis(MasterData masterData, Ledger ledger, BillsOfMaterial boms, Production production) {
        this.masterData = masterData;
        this.ledger = ledger;
        this.boms = boms;
        this.production = production;
    }

    Impact analyse(String product, String fromRevision, List<EcoLine> lines) {
        Map<String, BigDecimal> before = new TreeMap<>();
        if (fromRevision != null) {
            BomRevision current = boms.revision(product, fromRevision).orElseThrow();
            current.lines().forEach(l -> before.merge(l.component(), base(l.component(), l.quantity(), l.uom()),
                    BigDecimal::add));
        }
        Map<String, BigDecimal> after = new TreeMap<>();
        lines.forEach(l -> after.merge(l.component(), base(l.component(), l.quantity(), l.uom()), BigDecimal::add));
        Set<String> changedOtherwise = changedOtherwise(product, fromRevision, lines);

        Set<String> components = new LinkedHashSet<>(before.keySet());
        components.addAll(after.keySet());
        List<Impact.ComponentChange> changes = new ArrayList<>();
        List<String> outgoing = new ArrayList<>();
        boolean regulated = false;
        for (String c : components) {
            BigDecimal old = before.get(c);
            BigDecimal now = after.get(c);
            String change = old == null ? "ADDED" : now == null ? "DROPPED"
                    : now.compareTo(old) < 0 ? "REDUCED" : now.compareTo(old) > 0 ? "INCREASED"
                    : changedOtherwise.contains(c) ? "CHANGED" : null;
            if (change == null) {
                continue;
            }
            Item item = masterData.item(c);
            regulated |= item.regulated();
            changes.add(new Impact.ComponentChange(c, change, old, now, item.baseUom(), item.regulated()));
            if ("DROPPED".equals(change) || "REDUCED".equals(change)) {
                outgoing.add(c);
            }
        }
        Set<String> dropped = new LinkedHashSet<>(outgoing);
        dropped.removeIf(after::containsKey);
        Set<String> elsewhere = boms.usedByOtherProducts(dropped, product);

        List<Impact.Outgoing> out = new ArrayList<>();
        BigDecimal onHandValue = BigDecimal.ZERO;
        BigDecimal writeOff = BigDecimal.ZERO;
        Map<String, BigDecimal> unitCosts = new LinkedHashMap<>();
        for (String c : outgoing) {
            Item item = masterData.item(c);
            BigDecimal unitCost = item.unitCost() == null ? BigDecimal.ZERO : item.unitCost();
            unitCosts.put(c, unitCost);
            boolean obsolete = dropped.contains(c) && !elsewhere.contains(c);
            Impact.Outgoing o = outgoing(item, unitCost, dropped.contains(c), obsolete);
            out.add(o);
            onHandValue = onHandValue.add(o.onHandValue());
            writeOff = writeOff.add(o.writeOffValue());
        }
        return new Impact(fromRevision, changes, out, openOrders(product, unitCosts), money(onHandValue),
                money(writeOff), regulated);
    }

    private Impact.Outgoing outgoing(Item item, BigDecimal unitCost, boolean dropped, boolean obsolete) {
        List<Impact.Stock> stock = new ArrayList<>();
        Map<String, BigDecimal> byStatus = new LinkedHashMap<>();
        for (StockStatus s : StockStatus.values()) {
            byStatus.put(s.name(), BigDecimal.ZERO);
        }
        BigDecimal onHand = BigDecimal.ZERO;
        StockFilter filter = new StockFilter(item.sku(), null, null, null, null);
        Balance last = null;
        while (true) {
            List<Balance> page = ledger.stockAfter(filter, last, 0, PAGE);
            for (Balance b : page) {
                if (b.quantity().signum() > 0) {
                    stock.add(new Impact.Stock(b.location(), b.warehouse(), b.lot(), b.status().name(),
                            plain(b.quantity())));
                    byStatus.merge(b.status().name(), b.quantity(), BigDecimal::add);
                    onHand = onHand.add(b.quantity());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            last = page.get(page.size() - 1);
        }
        byStatus.replaceAll((k, v) -> plain(v));
        BigDecimal value = money(onHand.multiply(unitCost));
        return new Impact.Outgoing(item.sku(), dropped, obsolete, item.regulated(), item.baseUom(), unitCost,
                plain(onHand), byStatus, stock, value, obsolete ? value : money(BigDecimal.ZERO));
    }

    private List<Impact.OpenOrder> openOrders(String product, Map<String, BigDecimal> outgoingUnitCosts) {
        List<Impact.OpenOrder> orders = new ArrayList<>();
        for (ProductionOrder o : production.openOrders(product)) {
            Map<String, BigDecimal> issued = new TreeMap<>();
            o.flows().stream().filter(f -> "IN".equals(f.direction()) && outgoingUnitCosts.containsKey(f.sku()))
                    .forEach(f -> issued.merge(f.sku(), f.quantity(), BigDecimal::add));
            List<Impact.Issued> wip = issued.entrySet().stream().map(e -> new Impact.Issued(e.getKey(),
                    plain(e.getValue()), money(e.getValue().multiply(outgoingUnitCosts.get(e.getKey()))))).toList();
            orders.add(new Impact.OpenOrder(o.id(), o.bomRevision(), o.quantity(), o.produced(), wip));
        }
        return orders;
    }

    /** Components whose quantity stays but whose UoM or consumption changes. */
    private Set<String> changedOtherwise(String product, String fromRevision, List<EcoLine> lines) {
        Set<String> changed = new LinkedHashSet<>();
        if (fromRevision == null) {
            return changed;
        }
        Map<String, String> old = new TreeMap<>();
        boms.revision(product, fromRevision).orElseThrow().lines()
                .forEach(l -> old.merge(l.component(), l.uom() + "/" + l.consumption(), (a, b) -> a + "," + b));
        Map<String, String> now = new TreeMap<>();
        lines.forEach(l -> now.merge(l.component(), l.uom() + "/" + l.consumption(), (a, b) -> a + "," + b));
        now.forEach((c, v) -> {
            if (old.containsKey(c) && !old.get(c).equals(v)) {
                changed.add(c);
            }
        });
        return changed;
    }

    private BigDecimal base(String component, BigDecimal quantity, String uom) {
        // a stored line in a UoM its item no longer knows is compared as it stands rather than failing the analysis
        return quantity.multiply(masterData.item(component).factor(uom).orElse(BigDecimal.ONE));
    }

    private static BigDecimal plain(BigDecimal v) {
        return com.invgov.inventory.Quantities.plain(v);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
