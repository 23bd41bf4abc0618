package com.invgov.rules.internal;

import com.invgov.rules.model.CountTrigger;
import com.invgov.rules.model.CycleCountDecision;
import com.invgov.rules.model.CycleCountFact;
import com.invgov.rules.model.Disposition;
import com.invgov.rules.model.EcoRoutingFact;
import com.invgov.rules.model.InspectionReason;
import com.invgov.rules.model.QualityDispositionDecision;
import com.invgov.rules.model.QualityDispositionFact;
import com.invgov.rules.model.ReceiptOutcome;
import com.invgov.rules.model.ReceiptToleranceDecision;
import com.invgov.rules.model.ReceiptToleranceFact;
import com.invgov.rules.model.ReceivingInspectionDecision;
import com.invgov.rules.model.ReceivingInspectionFact;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static com.invgov.rules.RuleSet.CYCLE_COUNT_POLICY;
import static com.invgov.rules.RuleSet.ECO_ROUTING;
import static com.invgov.rules.RuleSet.QUALITY_DISPOSITION;
import static com.invgov.rules.RuleSet.RECEIPT_TOLERANCE;
import static com.invgov.rules.RuleSet.RECEIVING_INSPECTION;
import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §5.2–§5.5, case by case, on the shipped version 1 of each rule set. */
class OtherPoliciesTest {

    @Nested
    class CycleCountPolicy {

        private CycleCountDecision decide(String abc, boolean regulated, int counts, int within,
                                          CountTrigger trigger) {
            return DefaultRules.decide(CYCLE_COUNT_POLICY, CycleCountFact.of(abc, regulated, counts, within, trigger))
                    .decision();
        }

        @ParameterizedTest(name = "class {0}, regulated {1} → every {2} days")
        @CsvSource({"A, false, 30", "B, false, 90", "C, false, 365", "A, true, 30", "B, true, 30", "C, true, 30"})
        void intervalByClassRegulatedAtMostThirty(String abc, boolean regulated, int days) {
            CycleCountDecision d = decide(abc, regulated, 0, 0, CountTrigger.NONE);
            assertThat(d.intervalDays()).isEqualTo(days);
            assertThat(d.accuracyHalved()).isFalse();
            assertThat(d.eventCountDueInDays()).isNull();
            assertThat(d.dailyCapacityPerWarehouse()).isEqualTo(200);
        }

        @Test
        void accuracyOfEightyPercentKeepsTheIntervalBelowItHalvesIt() {
            assertThat(decide("B", false, 5, 4, CountTrigger.NONE).intervalDays()).isEqualTo(90);
            assertThat(decide("B", false, 5, 5, CountTrigger.NONE).intervalDays()).isEqualTo(90);
            CycleCountDecision poor = decide("B", false, 5, 3, CountTrigger.NONE);
            assertThat(poor.intervalDays()).isEqualTo(45);
            assertThat(poor.accuracyHalved()).isTrue();
            assertThat(decide("C", false, 2, 1, CountTrigger.NONE).intervalDays()).isEqualTo(182);
            assertThat(decide("A", false, 5, 0, CountTrigger.NONE).intervalDays()).isEqualTo(15);
        }

        @Test
        void regulatedWithPoorAccuracyIsCappedThenHalved() {
            var d = DefaultRules.decide(CYCLE_COUNT_POLICY, CycleCountFact.of("C", true, 5, 2, CountTrigger.NONE));
            assertThat(d.decision().intervalDays()).isEqualTo(15);
            assertThat(d.firedRules()).containsExactly("class C: count every 365 days",
                    "class C, regulated: at most 30 days", "class C: accuracy below 80.0 % halves the interval");
        }

        @ParameterizedTest
        @CsvSource({"ZERO_BALANCE", "INSUFFICIENT_STOCK", "ADJUSTMENT_REJECTED"})
        void eventsAskForACountTheNextDay(CountTrigger trigger) {
            CycleCountDecision d = decide("C", false, 0, 0, trigger);
            assertThat(d.eventCountDueInDays()).isEqualTo(1);
            assertThat(d.intervalDays()).isEqualTo(365);
        }
    }

    @Nested
    class ReceivingInspection {

        private ReceivingInspectionDecision decide(boolean regulated, boolean probation, int previous, int since) {
            return DefaultRules.decide(RECEIVING_INSPECTION,
                    new ReceivingInspectionFact(regulated, probation, previous, since)).decision();
        }

        @Test
        void regulatedItemsAreAlwaysInspected() {
            assertThat(decide(true, false, 7, 0)).isEqualTo(ReceivingInspectionDecision.inspect(InspectionReason.REGULATED));
        }

        @Test
        void suppliersOnProbationAreAlwaysInspected() {
            assertThat(decide(false, true, 7, 0))
                    .isEqualTo(ReceivingInspectionDecision.inspect(InspectionReason.SUPPLIER_ON_PROBATION));
        }

        @Test
        void theFirstReceiptOfAnItemFromASupplierIsInspected() {
            assertThat(decide(false, false, 0, 0))
                    .isEqualTo(ReceivingInspectionDecision.inspect(InspectionReason.FIRST_RECEIPT));
        }

        @Test
        void otherwiseEveryFifthReceiptIsInspected() {
            // after an inspected receipt: four are skipped, the fifth is inspected
            for (int since = 0; since < 4; since++) {
                assertThat(decide(false, false, 3, since))
                        .isEqualTo(ReceivingInspectionDecision.skip(InspectionReason.SKIP_LOT));
            }
            assertThat(decide(false, false, 5, 4))
                    .isEqualTo(ReceivingInspectionDecision.inspect(InspectionReason.SKIP_LOT_SAMPLE));
        }
    }

    @Nested
    class ReceiptTolerance {

        private ReceiptToleranceDecision decide(String expected, String received) {
            return DefaultRules.decide(RECEIPT_TOLERANCE,
                    ReceiptToleranceFact.of(new BigDecimal(expected), new BigDecimal(received))).decision();
        }

        @Test
        void upToFivePercentAboveExpectedIsWithinTolerance() {
            assertThat(decide("100", "100").outcome()).isEqualTo(ReceiptOutcome.WITHIN_TOLERANCE);
            assertThat(decide("100", "105").outcome()).isEqualTo(ReceiptOutcome.WITHIN_TOLERANCE);
            assertThat(decide("20", "21").outcome()).isEqualTo(ReceiptOutcome.WITHIN_TOLERANCE);
        }

        @Test
        void aboveExpectedTimesOnePointZeroFiveThePlannerApproves() {
            assertThat(decide("100", "105.000001")).isEqualTo(ReceiptToleranceDecision.overReceipt("PLANNER"));
            assertThat(decide("3", "4")).isEqualTo(ReceiptToleranceDecision.overReceipt("PLANNER"));
        }

        @Test
        void underReceiptLeavesTheRemainderOpen() {
            assertThat(decide("100", "99.999").outcome()).isEqualTo(ReceiptOutcome.UNDER_RECEIPT);
            assertThat(decide("100", "0").outcome()).isEqualTo(ReceiptOutcome.UNDER_RECEIPT);
        }
    }

    @Nested
    class QualityDisposition {

        private QualityDispositionDecision decide(Disposition disposition, String value, boolean regulated) {
            return DefaultRules.decide(QUALITY_DISPOSITION,
                    new QualityDispositionFact(disposition, new BigDecimal(value), regulated)).decision();
        }

        private static final QualityDispositionDecision MRB =
                QualityDispositionDecision.mrb("QUALITY", "INVENTORY_CONTROLLER");

        @Test
        void useAsIsAlwaysNeedsMrb() {
            assertThat(decide(Disposition.USE_AS_IS, "0.01", false)).isEqualTo(MRB);
        }

        @Test
        void scrapAboveTwentyFiveHundredNeedsMrb() {
            assertThat(decide(Disposition.SCRAP, "2500.00", false)).isEqualTo(QualityDispositionDecision.noMrb());
            assertThat(decide(Disposition.SCRAP, "2500.01", false)).isEqualTo(MRB);
        }

        @Test
        void regulatedItemsAlwaysNeedMrb() {
            for (Disposition d : Disposition.values()) {
                assertThat(decide(d, "1.00", true)).isEqualTo(MRB);
            }
        }

        @Test
        void otherDispositionsNeedNoMrbWhateverTheValue() {
            assertThat(decide(Disposition.RELEASE, "100000", false)).isEqualTo(QualityDispositionDecision.noMrb());
            assertThat(decide(Disposition.REWORK, "100000", false)).isEqualTo(QualityDispositionDecision.noMrb());
            assertThat(decide(Disposition.RETURN_TO_VENDOR, "100000", false))
                    .isEqualTo(QualityDispositionDecision.noMrb());
        }
    }

    @Nested
    class EcoRouting {

        private java.util.List<String> roles(boolean regulated, String writeOff) {
            return DefaultRules.decide(ECO_ROUTING, new EcoRoutingFact(regulated, new BigDecimal(writeOff)))
                    .decision().approverRoles();
        }

        @Test
        void engineerAndPlannerAlways() {
            assertThat(roles(false, "0")).containsExactly("ENGINEER", "PLANNER");
            assertThat(roles(false, "5000.00")).containsExactly("ENGINEER", "PLANNER");
        }

        @Test
        void qualityJoinsForARegulatedComponent() {
            assertThat(roles(true, "0")).containsExactly("ENGINEER", "PLANNER", "QUALITY");
        }

        @Test
        void financeJoinsAboveFiveThousandOfWriteOff() {
            assertThat(roles(false, "5000.01")).containsExactly("ENGINEER", "PLANNER", "FINANCE");
            assertThat(roles(true, "9000")).containsExactly("ENGINEER", "PLANNER", "QUALITY", "FINANCE");
        }
    }
}
