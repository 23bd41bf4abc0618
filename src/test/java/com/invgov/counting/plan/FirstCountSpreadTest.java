package com.invgov.counting.plan;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static com.invgov.counting.plan.Pairs.GO_LIVE;
import static com.invgov.counting.plan.Pairs.pair;
import static org.assertj.core.api.Assertions.assertThat;

class FirstCountSpreadTest {

    @Test
    void firstDueDateIsStableAcrossCallsAndPlanners() {
        var pair = pair("FAS-00001", "P1-WH1-A-03-03", "P1-WH1", AbcClass.C, false);

        LocalDate first = FirstCountSpread.firstDueDate(pair, GO_LIVE, 365);

        assertThat(FirstCountSpread.firstDueDate(pair, GO_LIVE, 365)).isEqualTo(first);
        assertThat(new CountPlanner(CycleCountPolicy.DEFAULTS).nextCount(CountCandidate.neverCounted(pair, GO_LIVE))
                .dueDate()).isEqualTo(first);
        // pinned: a change of hash would move the first count of every never-counted pair in every plant
        assertThat(first).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(FirstCountSpread.stableHash("FAS-00001", "P1-WH1-A-03-04"))
                .isNotEqualTo(FirstCountSpread.stableHash("FAS-00001", "P1-WH1-A-03-03"));
        assertThat(FirstCountSpread.stableHash("FAS-00001P", "1-WH1-A-03-03"))
                .as("the separator keeps sku and location apart")
                .isNotEqualTo(FirstCountSpread.stableHash("FAS-00001", "P1-WH1-A-03-03"));
    }

    @Test
    void firstDueDateLiesWithinTheIntervalAfterTheDayThePairBecameCountable() {
        for (int i = 0; i < 2000; i++) {
            var pair = pair("SKU-" + i, "LOC-" + (i % 37), "W", AbcClass.A, false);
            for (int interval : new int[] {1, 15, 30, 90, 365}) {
                LocalDate since = GO_LIVE.plusDays(i % 11);
                LocalDate due = FirstCountSpread.firstDueDate(pair, since, interval);
                assertThat(ChronoUnit.DAYS.between(since, due)).isBetween(1L, (long) interval);
            }
        }
    }

    @Test
    void tenThousandPairsSpreadEvenlyOverA30DayInterval() {
        Map<LocalDate, Integer> perDay = new HashMap<>();
        for (int rack = 0; rack < 100; rack++) {
            for (int item = 0; item < 100; item++) {
                // neighbouring codes, as a real plant has them
                var pair = pair("FAS-%05d".formatted(item), "P1-WH1-A-%02d-%02d".formatted(rack / 10, rack % 10),
                        "P1-WH1", AbcClass.A, false);
                perDay.merge(FirstCountSpread.firstDueDate(pair, GO_LIVE, 30), 1, Integer::sum);
            }
        }

        assertThat(perDay).hasSize(30);
        // mean 333.3; a uniform hash stays within ±15 % on every day (about ±2.8 standard deviations)
        assertThat(perDay.values()).allSatisfy(count -> assertThat(count).isBetween(283, 384));
    }

    @Test
    void pairsThatBecomeCountableOnDifferentDaysKeepTheirCalendarPhase() {
        var pair = pair("CAB-00003", "P1-WH1-B-02-01", "P1-WH1", AbcClass.A, false);

        LocalDate fromGoLive = FirstCountSpread.firstDueDate(pair, GO_LIVE, 30);
        LocalDate fromLater = FirstCountSpread.firstDueDate(pair, GO_LIVE.plusDays(30), 30);

        assertThat(fromLater).isEqualTo(fromGoLive.plusDays(30));
    }
}
