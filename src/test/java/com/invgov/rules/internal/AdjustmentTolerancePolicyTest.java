package com.invgov.rules.internal;

import com.invgov.rules.RuleDecision;
import com.invgov.rules.model.AdjustmentOutcome;
import com.invgov.rules.model.AdjustmentToleranceDecision;
import com.invgov.rules.model.AdjustmentToleranceFact;
import com.invgov.rules.model.VarianceSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static com.invgov.rules.RuleSet.ADJUSTMENT_TOLERANCE;
import static com.invgov.rules.model.VarianceSource.CYCLE_COUNT;
import static com.invgov.rules.model.VarianceSource.MANUAL;
import static com.invgov.rules.model.VarianceSource.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §5.1, case by case, on the shipped version 1 of adjustment-tolerance. */
class AdjustmentTolerancePolicyTest {

    private static RuleDecision<AdjustmentToleranceDecision> decide(String system, String counted, String unitCost,
                                                                   String abc, boolean regulated,
                                                                   VarianceSource source, boolean recountDone) {
        return DefaultRules.decide(ADJUSTMENT_TOLERANCE, AdjustmentToleranceFact.of(new BigDecimal(system),
                new BigDecimal(counted), new BigDecimal(unitCost), abc, regulated, source, recountDone));
    }

    @Test
    void noDifferenceIsNoVarianceEvenForARegulatedItemCountedOnce() {
        var d = decide("2300", "2300", "10.40", "A", true, CYCLE_COUNT, false);
        assertThat(d.decision()).isEqualTo(AdjustmentToleranceDecision.of(AdjustmentOutcome.NO_VARIANCE));
        assertThat(d.firedRules()).containsExactly("1 no variance");
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.ruleSet()).isEqualTo("adjustment-tolerance");
    }

    @Test
    void systemZeroCountedZeroIsNoVariance() {
        var fact = AdjustmentToleranceFact.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, "C", false,
                CYCLE_COUNT, false);
        assertThat(fact.diffPct()).isEqualByComparingTo("0");
        assertThat(DefaultRules.decide(ADJUSTMENT_TOLERANCE, fact).decision().outcome())
                .isEqualTo(AdjustmentOutcome.NO_VARIANCE);
    }

    @Test
    void systemZeroCountedSomeIsAHundredPercentSoNeverInsideTolerance() {
        var fact = AdjustmentToleranceFact.of(BigDecimal.ZERO, new BigDecimal("3"), new BigDecimal("0.01"), "C",
                false, CYCLE_COUNT, false);
        assertThat(fact.diffPct()).isEqualByComparingTo("100");
        assertThat(DefaultRules.decide(ADJUSTMENT_TOLERANCE, fact).decision().outcome())
                .isEqualTo(AdjustmentOutcome.RECOUNT);
        var manual = AdjustmentToleranceFact.of(BigDecimal.ZERO, new BigDecimal("3"), new BigDecimal("0.01"), "C",
                false, MANUAL, false);
        assertThat(DefaultRules.decide(ADJUSTMENT_TOLERANCE, manual).decision())
                .isEqualTo(AdjustmentToleranceDecision.approveBy("INVENTORY_CONTROLLER"));
    }

    @Test
    void regulatedCycleCountNeedsARecountFirstEvenInsideTolerance() {
        var d = decide("1000", "999", "1.00", "C", true, CYCLE_COUNT, false);
        assertThat(d.decision().outcome()).isEqualTo(AdjustmentOutcome.RECOUNT);
        assertThat(d.firedRules()).containsExactly("2 regulated: recount first");
    }

    @Test
    void regulatedAfterRecountOrManualOrQualityIsApprovedByQualityAndInventoryController() {
        var expected = AdjustmentToleranceDecision.approveBy("QUALITY", "INVENTORY_CONTROLLER");
        assertThat(decide("1000", "999", "1.00", "C", true, CYCLE_COUNT, true).decision()).isEqualTo(expected);
        assertThat(decide("1000", "999", "1.00", "C", true, MANUAL, false).decision()).isEqualTo(expected);
        assertThat(decide("1000", "999", "1.00", "C", true, QUALITY, false).decision()).isEqualTo(expected);
        assertThat(decide("1000", "10", "900.00", "A", true, MANUAL, false).decision().approverRoles())
                .containsExactly("QUALITY", "INVENTORY_CONTROLLER");
    }

    @ParameterizedTest(name = "class {0}: {1} of {2} at {3} → auto-approve (limits inclusive)")
    @CsvSource({
            // exactly on the percent limit, value under
            "A, 1, 100, 1.00",
            "B, 2, 100, 1.00",
            "C, 5, 100, 1.00",
            // exactly on the value limit, percent under
            "A, 10, 10000, 10.00",
            "B, 25, 10000, 10.00",
            "C, 50, 10000, 10.00",
            // both exactly on the limit
            "A, 10, 1000, 10.00",
            "B, 20, 1000, 12.50",
            "C, 50, 1000, 10.00"
    })
    void insideTheRowOfItsClassIsApprovedAutomatically(String abc, String diff, String system, String unitCost) {
        String counted = new BigDecimal(system).subtract(new BigDecimal(diff)).toPlainString();
        var d = decide(system, counted, unitCost, abc, false, CYCLE_COUNT, false);
        assertThat(d.decision()).isEqualTo(AdjustmentToleranceDecision.of(AdjustmentOutcome.AUTO_APPROVE));
        assertThat(d.firedRules()).singleElement().asString().startsWith("3 class " + abc);
    }

    @ParameterizedTest(name = "class {0}: {1} of {2} at {3} → outside tolerance")
    @CsvSource({
            "A, 1.0001, 100, 1.00",     // percent just above
            "A, 10, 10000, 10.001",     // value just above (100.01)
            "B, 2.0001, 100, 1.00",
            "B, 25, 10000, 10.0004",
            "C, 5.0001, 100, 1.00",
            "C, 50, 10000, 10.0002"
    })
    void justOutsideTheRowNeedsARecountOnACycleCount(String abc, String diff, String system, String unitCost) {
        String counted = new BigDecimal(system).add(new BigDecimal(diff)).toPlainString();
        var d = decide(system, counted, unitCost, abc, false, CYCLE_COUNT, false);
        assertThat(d.decision().outcome()).isEqualTo(AdjustmentOutcome.RECOUNT);
        assertThat(d.firedRules()).containsExactly("4 cycle count: recount first");
    }

    @Test
    void aBItemIsNotJudgedByTheRowOfAnotherClass() {
        // 4 % is inside C's row but not B's
        var d = decide("100", "96", "1.00", "B", false, MANUAL, false);
        assertThat(d.decision()).isEqualTo(AdjustmentToleranceDecision.approveBy("INVENTORY_CONTROLLER"));
    }

    @Test
    void afterTheRecountUpToOneThousandOneInventoryControllerApproves() {
        // A item at 10.40: -40 of 2300 is 1.74 % → recount → still -40 → 416.00 → one approver (DESIGN §6.1)
        assertThat(decide("2300", "2260", "10.40", "A", false, CYCLE_COUNT, false).decision().outcome())
                .isEqualTo(AdjustmentOutcome.RECOUNT);
        var d = decide("2300", "2260", "10.40", "A", false, CYCLE_COUNT, true);
        assertThat(d.decision()).isEqualTo(AdjustmentToleranceDecision.approveBy("INVENTORY_CONTROLLER"));
        assertThat(d.firedRules()).containsExactly("5 class A: up to 1000.00, inventory controller approves");
        // exactly 1000.00 is still one approver
        assertThat(decide("1000", "900", "10.00", "C", false, CYCLE_COUNT, true).decision().approverRoles())
                .containsExactly("INVENTORY_CONTROLLER");
    }

    @Test
    void aboveOneThousandFinanceApprovesToo() {
        var d = decide("1000", "900", "10.0001", "C", false, CYCLE_COUNT, true);
        assertThat(d.decision()).isEqualTo(AdjustmentToleranceDecision.approveBy("INVENTORY_CONTROLLER", "FINANCE"));
        assertThat(d.firedRules()).containsExactly("6 otherwise: inventory controller and finance approve");
    }

    @Test
    void manualAdjustmentsNeverGoToRecount() {
        assertThat(decide("100", "50", "1.00", "A", false, MANUAL, false).decision())
                .isEqualTo(AdjustmentToleranceDecision.approveBy("INVENTORY_CONTROLLER"));
        assertThat(decide("100", "50", "100.00", "A", false, MANUAL, false).decision())
                .isEqualTo(AdjustmentToleranceDecision.approveBy("INVENTORY_CONTROLLER", "FINANCE"));
        assertThat(decide("100", "50", "100.00", "A", false, QUALITY, false).decision().approverRoles())
                .isEqualTo(List.of("INVENTORY_CONTROLLER", "FINANCE"));
        // a manual adjustment inside tolerance is posted at once
        assertThat(decide("1000", "999", "1.00", "A", false, MANUAL, false).decision().outcome())
                .isEqualTo(AdjustmentOutcome.AUTO_APPROVE);
    }

    @Test
    void theCountExampleOfTheApiIsAutoApproved() {
        // DESIGN §6.1: C item at 0.26, 2300 → 2290: -10, 2.60, 0.43 %
        var fact = AdjustmentToleranceFact.of(new BigDecimal("2300"), new BigDecimal("2290"), new BigDecimal("0.26"),
                "C", false, CYCLE_COUNT, false);
        assertThat(fact.diffQty()).isEqualByComparingTo("-10");
        assertThat(fact.diffValue()).isEqualByComparingTo("2.60");
        assertThat(fact.diffPct()).isBetween(new BigDecimal("0.434"), new BigDecimal("0.435"));
        assertThat(DefaultRules.decide(ADJUSTMENT_TOLERANCE, fact).decision().outcome())
                .isEqualTo(AdjustmentOutcome.AUTO_APPROVE);
    }
}
