package com.invgov.rules.internal;

import com.invgov.rules.RuleSet;
import com.invgov.rules.RuleSetNotFound;
import com.invgov.rules.model.AdjustmentToleranceDecision;
import com.invgov.rules.model.CycleCountDecision;
import com.invgov.rules.model.EcoRoutingDecision;
import com.invgov.rules.model.QualityDispositionDecision;
import com.invgov.rules.model.ReceiptToleranceDecision;
import com.invgov.rules.model.ReceivingInspectionDecision;
import com.invgov.rules.table.AdjustmentToleranceTable;
import com.invgov.rules.table.CycleCountPolicyTable;
import com.invgov.rules.table.EcoRoutingTable;
import com.invgov.rules.table.QualityDispositionTable;
import com.invgov.rules.table.ReceiptToleranceTable;
import com.invgov.rules.table.ReceivingInspectionTable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The six rule sets of DESIGN §5 and how their tables feed their templates. */
final class RuleSetDefinitions {

    static final List<RuleSetDefinition<?, ?, ?>> ALL = List.of(
            new RuleSetDefinition<>(RuleSet.ADJUSTMENT_TOLERANCE, AdjustmentToleranceTable.class,
                    t -> t.rows().stream().map(r -> Map.of(
                            "abcClass", r.abcClass(),
                            "maxDiffPercent", decimal(r.maxDiffPercent()),
                            "maxDiffValue", decimal(r.maxDiffValue()),
                            "singleApproverValueLimit", decimal(t.singleApproverValueLimit()))).toList(),
                    RuleSetDefinitions::first,
                    d -> d.approverRoles().isEmpty() ? d.outcome().name()
                            : d.outcome().name() + " " + String.join("+", d.approverRoles())),
            new RuleSetDefinition<>(RuleSet.CYCLE_COUNT_POLICY, CycleCountPolicyTable.class,
                    t -> t.rows().stream().map(r -> Map.of(
                            "abcClass", r.abcClass(),
                            "intervalDays", r.intervalDays().toString(),
                            "regulatedMaxIntervalDays", t.regulatedMaxIntervalDays().toString(),
                            "accuracyThresholdPct", decimal(t.accuracyThresholdPct()),
                            "eventCountDueInDays", t.eventCountDueInDays().toString(),
                            "dailyCapacityPerWarehouse", t.dailyCapacityPerWarehouse().toString())).toList(),
                    RuleSetDefinitions::first,
                    (CycleCountDecision d) -> "every " + d.intervalDays() + " days"
                            + (d.eventCountDueInDays() == null ? "" : ", event count in " + d.eventCountDueInDays())),
            new RuleSetDefinition<>(RuleSet.RECEIVING_INSPECTION, ReceivingInspectionTable.class,
                    t -> List.of(Map.of(
                            "skipLotEvery", t.skipLotEvery().toString(),
                            "skipLotAfter", Integer.toString(t.skipLotEvery() - 1))),
                    RuleSetDefinitions::first,
                    (ReceivingInspectionDecision d) -> (d.inspect() ? "INSPECT " : "SKIP ") + d.reason()),
            new RuleSetDefinition<>(RuleSet.RECEIPT_TOLERANCE, ReceiptToleranceTable.class,
                    t -> List.of(Map.of(
                            "overReceiptTolerancePct", decimal(t.overReceiptTolerancePct()),
                            "maxReceivedPct", decimal(t.overReceiptTolerancePct().add(BigDecimal.valueOf(100))),
                            "approverRoles", quoted(t.approverRoles()))),
                    RuleSetDefinitions::first,
                    (ReceiptToleranceDecision d) -> d.approverRoles().isEmpty() ? d.outcome().name()
                            : d.outcome().name() + " " + String.join("+", d.approverRoles())),
            new RuleSetDefinition<>(RuleSet.QUALITY_DISPOSITION, QualityDispositionTable.class,
                    t -> List.of(Map.of(
                            "scrapValueLimit", decimal(t.scrapValueLimit()),
                            "mrbRoles", quoted(t.mrbRoles()))),
                    RuleSetDefinitions::first,
                    (QualityDispositionDecision d) -> d.mrbRequired()
                            ? "MRB " + String.join("+", d.approverRoles()) : "NO_MRB"),
            new RuleSetDefinition<>(RuleSet.ECO_ROUTING, EcoRoutingTable.class,
                    t -> List.of(Map.of(
                            "alwaysRoles", quoted(t.alwaysRoles()),
                            "alwaysRolesNames", String.join(" + ", t.alwaysRoles()),
                            "regulatedRole", quoted(List.of(t.regulatedRole())),
                            "regulatedRoleName", t.regulatedRole(),
                            "writeOffValueLimit", decimal(t.writeOffValueLimit()),
                            "writeOffRole", quoted(List.of(t.writeOffRole())),
                            "writeOffRoleName", t.writeOffRole())),
                    RuleSetDefinitions::unionOfRoles,
                    (EcoRoutingDecision d) -> String.join("+", d.approverRoles())));

    private RuleSetDefinitions() {
    }

    static RuleSetDefinition<?, ?, ?> of(String key) {
        return ALL.stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new RuleSetNotFound("No rule set '" + key + "'"));
    }

    @SuppressWarnings("unchecked")
    static <F, D> RuleSetDefinition<F, D, ?> of(RuleSet<F, D> ruleSet) {
        return (RuleSetDefinition<F, D, ?>) of(ruleSet.key());
    }

    private static <D> D first(List<D> decisions) {
        return decisions.get(0);
    }

    private static EcoRoutingDecision unionOfRoles(List<EcoRoutingDecision> decisions) {
        LinkedHashSet<String> roles = new LinkedHashSet<>();
        decisions.forEach(d -> roles.addAll(d.approverRoles()));
        return new EcoRoutingDecision(new ArrayList<>(roles));
    }

    /** A BigDecimal as a DRL literal body (the template adds the B): always with a decimal point. */
    static String decimal(BigDecimal value) {
        BigDecimal v = value.scale() <= 0 ? value.setScale(1) : value;
        return v.toPlainString();
    }

    /** Validated role names as Java string arguments: "A", "B". */
    static String quoted(List<String> roles) {
        return roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", "));
    }
}
