package com.invgov.rules.internal;

import com.invgov.rules.RuleTableInvalid;
import com.invgov.rules.table.AdjustmentToleranceTable;
import com.invgov.rules.table.AdjustmentToleranceTable.Row;
import com.invgov.rules.table.CycleCountPolicyTable;
import com.invgov.rules.table.EcoRoutingTable;
import com.invgov.rules.table.QualityDispositionTable;
import com.invgov.rules.table.ReceiptToleranceTable;
import com.invgov.rules.table.ReceivingInspectionTable;
import com.invgov.rules.table.TableError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Low-code tables: every invalid cell is named by row and field; valid tables become DRL through the template. */
class RuleTablesTest {

    private static Row row(String abc, String pct, String value) {
        return new Row(abc, pct == null ? null : new BigDecimal(pct), value == null ? null : new BigDecimal(value));
    }

    private static final List<Row> DEFAULT_ROWS = List.of(row("A", "1.0", "100.00"), row("B", "2.0", "250.00"),
            row("C", "5.0", "500.00"));

    @Test
    void theDefaultTablesAreTheTablesOfDesignSection5() {
        assertThat(DefaultRules.table("adjustment-tolerance"))
                .isEqualTo(new AdjustmentToleranceTable(DEFAULT_ROWS, new BigDecimal("1000.00")));
        assertThat(DefaultRules.table("receiving-inspection")).isEqualTo(new ReceivingInspectionTable(5));
        assertThat(DefaultRules.table("receipt-tolerance"))
                .isEqualTo(new ReceiptToleranceTable(new BigDecimal("5.0"), List.of("PLANNER")));
        assertThat(DefaultRules.table("quality-disposition")).isEqualTo(
                new QualityDispositionTable(new BigDecimal("2500.00"), List.of("QUALITY", "INVENTORY_CONTROLLER")));
        assertThat(DefaultRules.table("eco-routing")).isEqualTo(new EcoRoutingTable(List.of("ENGINEER", "PLANNER"),
                "QUALITY", new BigDecimal("5000.00"), "FINANCE"));
        CycleCountPolicyTable counts = (CycleCountPolicyTable) DefaultRules.table("cycle-count-policy");
        assertThat(counts.rows()).extracting(CycleCountPolicyTable.Row::intervalDays).containsExactly(30, 90, 365);
        assertThat(counts.regulatedMaxIntervalDays()).isEqualTo(30);
        assertThat(counts.accuracyThresholdPct()).isEqualByComparingTo("80");
        assertThat(counts.dailyCapacityPerWarehouse()).isEqualTo(200);
        for (RuleSetDefinition<?, ?, ?> d : RuleSetDefinitions.ALL) {
            assertThat(DefaultRules.table(d.key()).validate()).as(d.key()).isEmpty();
        }
    }

    @Test
    void aNegativePercentIsNamedByRowAndField() {
        var table = new AdjustmentToleranceTable(List.of(row("A", "-1", "100"), row("B", "2", "250"),
                row("C", "5", "500")), new BigDecimal("1000"));
        assertThat(table.validate()).containsExactly(
                new TableError("rows[0].maxDiffPercent", 0, "maxDiffPercent", "must be 0 or more, is -1"));
    }

    @Test
    void missingDuplicateAndUnknownClassesAreRefused() {
        var table = new AdjustmentToleranceTable(List.of(row("A", "1", "100"), row("A", "2", "250"),
                row("D", "5", "500")), new BigDecimal("1000"));
        assertThat(table.validate()).extracting(TableError::field, TableError::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("rows[1].abcClass", "class A has a row already"),
                org.assertj.core.groups.Tuple.tuple("rows[2].abcClass", "must be A, B or C, is D"),
                org.assertj.core.groups.Tuple.tuple("rows", "no row for class B"),
                org.assertj.core.groups.Tuple.tuple("rows", "no row for class C"));
    }

    @Test
    void missingValuesAndLimitsAreRefused() {
        var table = new AdjustmentToleranceTable(List.of(row("A", null, "100"), row("B", "2", "250"),
                row("C", "5", "500")), null);
        assertThat(table.validate()).extracting(TableError::field)
                .containsExactlyInAnyOrder("rows[0].maxDiffPercent", "singleApproverValueLimit");
    }

    @Test
    void unknownRolesAreRefused() {
        assertThat(new ReceiptToleranceTable(new BigDecimal("5"), List.of("BUYER")).validate())
                .extracting(TableError::field).containsExactly("approverRoles[0]");
        assertThat(new EcoRoutingTable(List.of("ENGINEER", "ADMIN"), "QUALITY", BigDecimal.TEN, "CEO").validate())
                .extracting(TableError::field).containsExactly("alwaysRoles[1]", "writeOffRole");
        assertThat(new QualityDispositionTable(BigDecimal.ONE, List.of()).validate())
                .extracting(TableError::field).containsExactly("mrbRoles");
    }

    @Test
    void countPolicyAndInspectionRanges() {
        var counts = new CycleCountPolicyTable(List.of(new CycleCountPolicyTable.Row("A", 0),
                new CycleCountPolicyTable.Row("B", 90), new CycleCountPolicyTable.Row("C", 365)), 30,
                new BigDecimal("120"), 1, 0);
        assertThat(counts.validate()).extracting(TableError::field).containsExactlyInAnyOrder("rows[0].intervalDays",
                "accuracyThresholdPct", "dailyCapacityPerWarehouse");
        assertThat(new ReceivingInspectionTable(0).validate()).extracting(TableError::field)
                .containsExactly("skipLotEvery");
    }

    @Test
    void anInvalidTableNeverReachesTheTemplate() {
        var definition = RuleSetDefinitions.of("adjustment-tolerance");
        var table = new AdjustmentToleranceTable(List.of(row("A", "-1", "100")), BigDecimal.ONE);
        assertThatThrownBy(() -> DefaultRules.TEMPLATES.render(definition, table))
                .isInstanceOf(RuleTableInvalid.class);
    }

    @Test
    void theTemplateWritesTheTableIntoTheRules() {
        var table = new AdjustmentToleranceTable(List.of(row("A", "2.0", "100.00"), row("B", "2.0", "250.00"),
                row("C", "5.0", "500.00")), new BigDecimal("1500"));
        String drl = DefaultRules.TEMPLATES.render(RuleSetDefinitions.of("adjustment-tolerance"), table);
        assertThat(drl).contains("rule \"3 class A: within 2.0 % and 100.00\"")
                .contains("abcClass == \"A\", diffPct <= 2.0B, diffValue <= 100.00B")
                .contains("diffValue <= 1500.0B")
                .doesNotContain("@{");
        assertThat(DrlSafetyCheck.check(drl)).isEmpty();
    }
}
