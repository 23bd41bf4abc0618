package com.invgov.rules;

import com.invgov.rules.model.AdjustmentToleranceDecision;
import com.invgov.rules.model.AdjustmentToleranceFact;
import com.invgov.rules.model.CycleCountDecision;
import com.invgov.rules.model.CycleCountFact;
import com.invgov.rules.model.EcoRoutingDecision;
import com.invgov.rules.model.EcoRoutingFact;
import com.invgov.rules.model.QualityDispositionDecision;
import com.invgov.rules.model.QualityDispositionFact;
import com.invgov.rules.model.ReceiptToleranceDecision;
import com.invgov.rules.model.ReceiptToleranceFact;
import com.invgov.rules.model.ReceivingInspectionDecision;
import com.invgov.rules.model.ReceivingInspectionFact;

import java.util.List;
import java.util.Optional;

/**
 * A rule set with its typed fact and decision: what {@link RuleDecisions#decide} takes and returns.
 *
 * @param <F> the fact type
 * @param <D> the decision type
 */
public final class RuleSet<F, D> {

    public static final RuleSet<AdjustmentToleranceFact, AdjustmentToleranceDecision> ADJUSTMENT_TOLERANCE =
            new RuleSet<>("adjustment-tolerance", "Adjustment tolerance", AdjustmentToleranceFact.class,
                    AdjustmentToleranceDecision.class);
    public static final RuleSet<CycleCountFact, CycleCountDecision> CYCLE_COUNT_POLICY =
            new RuleSet<>("cycle-count-policy", "Cycle-count policy", CycleCountFact.class, CycleCountDecision.class);
    public static final RuleSet<ReceivingInspectionFact, ReceivingInspectionDecision> RECEIVING_INSPECTION =
            new RuleSet<>("receiving-inspection", "Receiving inspection", ReceivingInspectionFact.class,
                    ReceivingInspectionDecision.class);
    public static final RuleSet<ReceiptToleranceFact, ReceiptToleranceDecision> RECEIPT_TOLERANCE =
            new RuleSet<>("receipt-tolerance", "Receipt tolerance", ReceiptToleranceFact.class,
                    ReceiptToleranceDecision.class);
    public static final RuleSet<QualityDispositionFact, QualityDispositionDecision> QUALITY_DISPOSITION =
            new RuleSet<>("quality-disposition", "Quality disposition", QualityDispositionFact.class,
                    QualityDispositionDecision.class);
    public static final RuleSet<EcoRoutingFact, EcoRoutingDecision> ECO_ROUTING =
            new RuleSet<>("eco-routing", "ECO routing", EcoRoutingFact.class, EcoRoutingDecision.class);

    private static final List<RuleSet<?, ?>> ALL = List.of(ADJUSTMENT_TOLERANCE, CYCLE_COUNT_POLICY,
            RECEIVING_INSPECTION, RECEIPT_TOLERANCE, QUALITY_DISPOSITION, ECO_ROUTING);

    private final String key;
    private final String name;
    private final Class<F> factType;
    private final Class<D> decisionType;

    private RuleSet(String key, String name, Class<F> factType, Class<D> decisionType) {
        this.key = key;
        this.name = name;
        this.factType = factType;
        this.decisionType = decisionType;
    }

    public static List<RuleSet<?, ?>> all() {
        return ALL;
    }

    public static Optional<RuleSet<?, ?>> byKey(String key) {
        return ALL.stream().filter(r -> r.key.equals(key)).findFirst();
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public Class<F> factType() {
        return factType;
    }

    public Class<D> decisionType() {
        return decisionType;
    }

    @Override
    public String toString() {
        return key;
    }
}
