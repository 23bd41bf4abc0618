package com.invgov.adjustment.ui;

import com.invgov.adjustment.Adjustment;
import com.invgov.adjustment.Adjustments;
import com.invgov.adjustment.CountRecord;
import com.invgov.inventory.Ledger;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * One adjustment as an approver weighs it: the variance and its value, what was decided by which rules and why,
 * and the count history of the (item, location) pair, newest first. Of a serial-tracked item, which serial numbers
 * the count missed and found against the ledger as of the count (what approving it posts), or which serials a manual
 * request moves.
 */
class AdjustmentDetail extends VerticalLayout {

    static final int HISTORY = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    final H3 heading = new H3("Select an adjustment");
    final Span variance = new Span();
    final Span decision = new Span();
    final Span serials = new Span();
    final UnorderedList rules = new UnorderedList();
    final Grid<CountRecord> history = new Grid<>();
    private final Adjustments adjustments;
    private final Ledger ledger;

    AdjustmentDetail(Adjustments adjustments, Ledger ledger) {
        this.adjustments = adjustments;
        this.ledger = ledger;
        serials.setId("approvals-detail-serials");
        setId("approvals-detail");
        setPadding(false);
        variance.setId("approvals-detail-variance");
        decision.setId("approvals-detail-decision");
        rules.setId("approvals-detail-rules");
        history.setId("approvals-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.addColumn(c -> WHEN.format(c.eventTime())).setHeader("When").setAutoWidth(true);
        history.addColumn(CountRecord::countedBy).setHeader("Who");
        history.addColumn(c -> c.lot() == null ? "" : c.lot()).setHeader("Lot");
        history.addColumn(c -> plain(c.countedQuantity())).setHeader("Counted");
        history.addColumn(c -> plain(c.systemQuantity())).setHeader("System");
        history.addColumn(c -> plain(c.diffQuantity())).setHeader("Δ");
        history.addColumn(c -> c.withinTolerance() ? "yes" : "no").setHeader("Within tolerance");
        history.addColumn(AdjustmentDetail::outcome).setHeader("Outcome").setAutoWidth(true);
        add(heading, variance, serials, decision, rules, new Span("Count history of this item at this location"),
                history);
        setVisible(false);
    }

    void show(ApprovalsView.Row row) {
        Adjustment a = row.adjustment();
        setVisible(true);
        heading.setText(a.sku() + " at " + a.location() + (a.lot() == null ? "" : " · lot " + a.lot()));
        List<CountRecord> counts = adjustments.countHistory(a.sku(), a.location(), HISTORY);
        variance.setText(variance(a, counts));
        serials.setVisible(a.serials() != null);
        serials.setText(a.serials() == null ? "" : serials(a, counts));
        decision.setText("Decided " + a.decision().outcome()
                + (a.decision().approverRoles().isEmpty() ? "" : " by " + String.join(" then ", a.decision().approverRoles()))
                + " · " + a.decision().ruleSet() + " v" + a.decision().ruleSetVersion()
                + " · source " + a.source() + " · reason " + a.reasonCode()
                + (a.note() == null || a.note().isBlank() ? "" : " · note: " + a.note())
                + (a.escalated() ? " · waiting more than 24 h" : ""));
        rules.removeAll();
        a.decision().firedRules().forEach(r -> rules.add(new ListItem(r)));
        history.setItems(counts);
    }

    /**
     * Δ and value of the adjustment, and for a count the system and counted quantity of the count it came from
     * (the latest count of its adjustment: the recount's, when there was one).
     */
    private static String variance(Adjustment a, List<CountRecord> counts) {
        String text = "Δ " + plain(a.quantityDelta()) + " · value " + a.value().setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
        return counts.stream().filter(c -> a.id().equals(c.adjustmentId())).findFirst()
                .map(c -> text + " · system " + plain(c.systemQuantity()) + ", counted " + plain(c.countedQuantity())
                        + percent(c) + " on " + WHEN.format(c.eventTime()) + " by " + c.countedBy())
                .orElse(text);
    }

    private String serials(Adjustment a, List<CountRecord> counts) {
        // a manual request names the serials it moves until a recount replaces them with the serials counted
        boolean counted = "CYCLE_COUNT".equals(a.source())
                || counts.stream().anyMatch(c -> a.id().equals(c.adjustmentId()));
        if (!counted) {
            return "Serial numbers " + (a.quantityDelta().signum() > 0 ? "found: " : "lost: ")
                    + String.join(", ", a.serials());
        }
        if (a.status().isFinal()) {
            return "Serial numbers counted: " + String.join(", ", a.serials());
        }
        Set<String> there = ledger.serialsAsOf(a.sku(), a.location(), a.lot(), a.eventTime()).keySet();
        List<String> missing = there.stream().filter(s -> !a.serials().contains(s)).toList();
        List<String> found = a.serials().stream().filter(s -> !there.contains(s)).toList();
        return "Serial numbers missing: " + (missing.isEmpty() ? "none" : String.join(", ", missing))
                + " · found: " + (found.isEmpty() ? "none" : String.join(", ", found));
    }

    private static String percent(CountRecord c) {
        if (c.systemQuantity().signum() == 0) {
            return "";
        }
        return " (" + c.diffQuantity().abs().multiply(BigDecimal.valueOf(100))
                .divide(c.systemQuantity(), 2, RoundingMode.HALF_UP).toPlainString() + " %)";
    }

    private static String outcome(CountRecord c) {
        return (c.recount() ? "recount: " : "") + c.outcome()
                + (c.adjustmentStatus() == null ? "" : " → " + c.adjustmentStatus());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
