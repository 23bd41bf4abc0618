package com.invgov.counting.plan;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.invgov.counting.plan.Pairs.GO_LIVE;
import static com.invgov.counting.plan.Pairs.counted;
import static com.invgov.counting.plan.Pairs.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountPlannerTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    final CountPlanner planner = new CountPlanner(CycleCountPolicy.DEFAULTS);

    @Test
    void aCountedPairIsDueItsIntervalAfterItsLastCount() {
        var pair = pair("BRG-00445", AbcClass.B);
        var candidate = counted(pair, DAY.minusDays(89));

        assertThat(planner.nextCount(candidate).dueDate()).isEqualTo(DAY.plusDays(1));
        assertThat(planner.plan(DAY, List.of(candidate)).allCounts()).isEmpty();
        assertThat(planner.plan(DAY.plusDays(1), List.of(candidate)).allCounts())
                .singleElement().satisfies(count -> {
                    assertThat(count.pair()).isEqualTo(pair);
                    assertThat(count.reason()).isEqualTo(CountReason.SCHEDULED);
                    assertThat(count.dueDate()).isEqualTo(DAY.plusDays(1));
                });
    }

    @Test
    void eachEventCountIsDueTheDayAfterItHappened() {
        for (EventCountReason reason : EventCountReason.values()) {
            var candidate = counted(pair("VAL-00017", AbcClass.C), DAY.minusDays(10))
                    .withEvent(new EventCount(reason, DAY));

            assertThat(planner.plan(DAY, List.of(candidate)).allCounts()).as("not on the day of the event").isEmpty();
            assertThat(planner.plan(DAY.plusDays(1), List.of(candidate)).allCounts()).singleElement()
                    .satisfies(count -> {
                        assertThat(count.reason().name()).isEqualTo(reason.name());
                        assertThat(count.isEventCount()).isTrue();
                        assertThat(count.dueDate()).isEqualTo(DAY.plusDays(1));
                    });
        }
    }

    @Test
    void aCountOnOrAfterTheEventsDueDateAnswersIt() {
        var event = new EventCount(EventCountReason.ZERO_CONFIRMATION, DAY);
        var pair = pair("VAL-00017", AbcClass.C);

        var countedSameDay = counted(pair, DAY).withEvent(event);
        var countedNextDay = counted(pair, DAY.plusDays(1)).withEvent(event);

        assertThat(countedSameDay.openEvents()).as("a count on the event's own day may have been before it")
                .containsExactly(event);
        assertThat(planner.plan(DAY.plusDays(1), List.of(countedSameDay)).allCounts()).hasSize(1);
        assertThat(countedNextDay.openEvents()).isEmpty();
        assertThat(planner.nextCount(countedNextDay).reason()).isEqualTo(CountReason.SCHEDULED);
        assertThat(planner.nextCount(countedNextDay).dueDate()).isEqualTo(DAY.plusDays(366));
    }

    @Test
    void anOverdueScheduledCountBecomesAnEventCountWhenAnEventIsDueToo() {
        var candidate = counted(pair("C-1", AbcClass.C), DAY.minusDays(370))
                .withEvent(new EventCount(EventCountReason.ADJUSTMENT_REJECTED, DAY.minusDays(1)));

        var count = planner.plan(DAY, List.of(candidate)).allCounts().get(0);

        assertThat(count.reason()).isEqualTo(CountReason.ADJUSTMENT_REJECTED);
        assertThat(count.dueDate()).as("keeps the older due date").isEqualTo(DAY.minusDays(5));
    }

    @Test
    void neverCountedPairsAreFirstCounts() {
        var candidate = CountCandidate.neverCounted(pair("A-1", AbcClass.A), GO_LIVE);

        var next = planner.nextCount(candidate);

        assertThat(next.reason()).isEqualTo(CountReason.FIRST_COUNT);
        assertThat(next.lastCounted()).isEmpty();
        assertThat(planner.plan(next.dueDate(), List.of(candidate)).allCounts()).containsExactly(next);
        assertThat(planner.plan(next.dueDate().minusDays(1), List.of(candidate)).allCounts()).isEmpty();
    }

    @Test
    void priorityIsEventThenAbcThenOldestLastCount() {
        var eventC = counted(pair("C-EVENT", AbcClass.C), DAY.minusDays(3))
                .withEvent(new EventCount(EventCountReason.INSUFFICIENT_STOCK_REFUSED, DAY.minusDays(1)));
        var aDueToday = counted(pair("A-TODAY", AbcClass.A), DAY.minusDays(30));
        var aOverdue = counted(pair("A-OVERDUE", AbcClass.A), DAY.minusDays(33));
        var bOverdue = counted(pair("B-OVERDUE", AbcClass.B), DAY.minusDays(200));
        var cRegulatedOverdue = counted(pair("C-REG", "L", "P1-WH1", AbcClass.C, true), DAY.minusDays(31));
        var cOld = counted(pair("C-OLD", AbcClass.C), DAY.minusDays(365));
        // due today like C-OLD, counted more recently because its interval was halved; C-REG is due since yesterday
        // (its interval is capped at 30 days) but was counted last: DESIGN's order goes by the last count
        var cHalved = counted(pair("C-HALVED", AbcClass.C), DAY.minusDays(182), CountAccuracy.of(1, 5));

        var plan = planner.plan(DAY, List.of(cOld, cHalved, aDueToday, cRegulatedOverdue, bOverdue, eventC, aOverdue));

        assertThat(plan.allCounts()).extracting(count -> count.pair().sku())
                .containsExactly("C-EVENT", "A-OVERDUE", "A-TODAY", "B-OVERDUE", "C-OLD", "C-HALVED", "C-REG");
    }

    @Test
    void capacityIsPerWarehouseAndTheRestRollsOverInPriorityOrder() {
        var policy = CycleCountPolicy.DEFAULTS.withCapacityPerDay(2).withCapacity("P1-WH2", 1);
        var planner = new CountPlanner(policy);
        var candidates = new ArrayList<CountCandidate>();
        for (int i = 0; i < 5; i++) {
            candidates.add(counted(pair("A-" + i, "WH1-" + i, "P1-WH1", AbcClass.A, false), DAY.minusDays(30 + i)));
            candidates.add(counted(pair("B-" + i, "WH2-" + i, "P1-WH2", AbcClass.B, false), DAY.minusDays(90 + i)));
        }

        var plan = planner.plan(DAY, candidates);

        var wh1 = plan.warehouse("P1-WH1").orElseThrow();
        assertThat(wh1.capacity()).isEqualTo(2);
        assertThat(wh1.counts()).extracting(count -> count.pair().sku()).containsExactly("A-4", "A-3");
        assertThat(wh1.rolledOver()).extracting(count -> count.pair().sku()).containsExactly("A-2", "A-1", "A-0");
        assertThat(wh1.overdueCount()).isEqualTo(2);
        var wh2 = plan.warehouse("P1-WH2").orElseThrow();
        assertThat(wh2.counts()).extracting(count -> count.pair().sku()).containsExactly("B-4");
        assertThat(wh2.rolledOver()).hasSize(4);
    }

    @Test
    void aRolledOverCountKeepsItsDueDateAndGoesAheadOfNewlyDueCountsOfItsClass() {
        var planner = new CountPlanner(CycleCountPolicy.DEFAULTS.withCapacityPerDay(1));
        var early = counted(pair("A-EARLY", "L1", "W", AbcClass.A, false), DAY.minusDays(30));
        var later = counted(pair("A-LATER", "L2", "W", AbcClass.A, false), DAY.minusDays(29));
        var candidates = new ArrayList<>(List.of(early, later));

        var today = planner.plan(DAY, candidates).warehouse("W").orElseThrow();
        assertThat(today.counts()).extracting(count -> count.pair().sku()).containsExactly("A-EARLY");
        assertThat(today.rolledOver()).isEmpty();

        // A-EARLY counted today, A-LATER due tomorrow; when A-LATER is not counted on day two, it is still due on
        // day three with its own due date and goes ahead of A-NEW, which only became due that day
        var newcomer = counted(pair("A-NEW", "L0", "W", AbcClass.A, false), DAY.minusDays(28));
        candidates.set(0, early.countedOn(DAY, CountAccuracy.of(5, 5)));
        var dayTwo = planner.plan(DAY.plusDays(1), List.of(candidates.get(0), later));
        assertThat(dayTwo.allCounts()).extracting(count -> count.pair().sku()).containsExactly("A-LATER");

        var dayThree = planner.plan(DAY.plusDays(2), List.of(candidates.get(0), later, newcomer))
                .warehouse("W").orElseThrow();
        assertThat(dayThree.counts()).extracting(count -> count.pair().sku()).containsExactly("A-LATER");
        assertThat(dayThree.counts().get(0).dueDate()).isEqualTo(DAY.plusDays(1));
        assertThat(dayThree.counts().get(0).daysOverdue(DAY.plusDays(2))).isEqualTo(1);
        assertThat(dayThree.rolledOver()).extracting(count -> count.pair().sku()).containsExactly("A-NEW");
    }

    @Test
    void everyWarehouseWithCountablePairsHasAPlanEvenOnAQuietDay() {
        var plan = planner.plan(DAY, List.of(counted(pair("A-1", "L", "P2-WH1", AbcClass.A, false), DAY)));

        assertThat(plan.warehouses()).singleElement().satisfies(wh -> {
            assertThat(wh.warehouse()).isEqualTo("P2-WH1");
            assertThat(wh.counts()).isEmpty();
            assertThat(wh.capacity()).isEqualTo(200);
        });
    }

    @Test
    void planningIsDeterministicWhateverTheInputOrder() {
        var candidates = new ArrayList<CountCandidate>();
        for (int i = 0; i < 50; i++) {
            candidates.add(new CountCandidate(pair("S-" + i, "L-" + i, "W", AbcClass.values()[i % 3], i % 7 == 0),
                    GO_LIVE, Optional.of(DAY.minusDays(i * 9L)), CountAccuracy.of(i % 6, 5), List.of()));
        }
        var small = new CountPlanner(CycleCountPolicy.DEFAULTS.withCapacityPerDay(7));

        var forward = small.plan(DAY, candidates);
        java.util.Collections.reverse(candidates);
        var backward = small.plan(DAY, candidates);

        assertThat(backward).isEqualTo(forward);
        assertThat(forward.allCounts()).hasSize(7);
    }

    @Test
    void aPairGivenTwiceIsRefused() {
        var pair = pair("A-1", AbcClass.A);

        assertThatThrownBy(() -> planner.plan(DAY, List.of(counted(pair, DAY), counted(pair, DAY.minusDays(3)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }
}
