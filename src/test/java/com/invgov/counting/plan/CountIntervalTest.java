package com.invgov.counting.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.invgov.counting.plan.Pairs.GO_LIVE;
import static com.invgov.counting.plan.Pairs.counted;
import static com.invgov.counting.plan.Pairs.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountIntervalTest {

    static final CycleCountPolicy POLICY = CycleCountPolicy.DEFAULTS;

    @ParameterizedTest(name = "{0} regulated={1} accuracy {2}/{3} -> {4} days")
    @CsvSource({
            // ABC intervals of DESIGN §5.2
            "A, false, 5, 5, 30",
            "B, false, 5, 5, 90",
            "C, false, 5, 5, 365",
            // regulated: at most 30
            "A, true, 5, 5, 30",
            "B, true, 5, 5, 30",
            "C, true, 5, 5, 30",
            // accuracy below 80 % halves (rounded down); exactly 80 % does not
            "A, false, 4, 5, 30",
            "A, false, 3, 5, 15",
            "B, false, 3, 5, 45",
            "C, false, 3, 5, 182",
            "C, false, 0, 5, 182",
            "C, true, 3, 5, 15",
            "B, false, 1, 2, 45",
            "B, false, 4, 4, 90",
            // unknown accuracy (no count yet) does not halve
            "C, false, 0, 0, 365",
    })
    void intervalFollowsClassRegulationAndAccuracy(AbcClass abc, boolean regulated, int within, int counts,
                                                   int expectedDays) {
        var candidate = counted(pair("X", "L", "W", abc, regulated), GO_LIVE, CountAccuracy.of(within, counts));

        assertThat(CountInterval.intervalDays(candidate, POLICY)).isEqualTo(expectedDays);
    }

    @Test
    void changedPolicyParametersAreUsed() {
        var policy = new CycleCountPolicy(10, 20, 40, 7, 0.95, 50, java.util.Map.of());

        assertThat(CountInterval.intervalDays(counted(pair("X", AbcClass.C), GO_LIVE), policy)).isEqualTo(40);
        assertThat(CountInterval.intervalDays(counted(pair("X", "L", "W", AbcClass.C, true), GO_LIVE), policy))
                .isEqualTo(7);
        assertThat(CountInterval.intervalDays(counted(pair("X", AbcClass.B), GO_LIVE, CountAccuracy.of(9, 10)),
                policy)).isEqualTo(10);
    }

    @Test
    void halvingNeverGoesBelowOneDay() {
        var policy = new CycleCountPolicy(1, 1, 1, 1, 0.8, 10, java.util.Map.of());

        assertThat(CountInterval.intervalDays(counted(pair("X", AbcClass.A), GO_LIVE, CountAccuracy.of(0, 5)),
                policy)).isEqualTo(1);
    }

    @Test
    void aPluggedIntervalReplacesThePolicyFunction() {
        var planner = new CountPlanner(POLICY, candidate -> 7);

        var next = planner.nextCount(counted(pair("X", AbcClass.C), GO_LIVE));

        assertThat(next.intervalDays()).isEqualTo(7);
        assertThat(next.dueDate()).isEqualTo(GO_LIVE.plusDays(7));
    }

    @Test
    void aPluggedIntervalBelowOneDayIsRefused() {
        var planner = new CountPlanner(POLICY, candidate -> 0);

        assertThatThrownBy(() -> planner.nextCount(counted(pair("X", AbcClass.C), GO_LIVE)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 1 day");
    }

    @Test
    void accuracyOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> CountAccuracy.of(6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountAccuracy.of(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
