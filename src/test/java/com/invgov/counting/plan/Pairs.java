package com.invgov.counting.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Small builders for planner tests. */
final class Pairs {

    static final LocalDate GO_LIVE = LocalDate.of(2026, 1, 1);

    private Pairs() {
    }

    static CountablePair pair(String sku, AbcClass abc) {
        return new CountablePair(sku, "P1-WH1-A-01-01", "P1-WH1", abc, false);
    }

    static CountablePair pair(String sku, String location, String warehouse, AbcClass abc, boolean regulated) {
        return new CountablePair(sku, location, warehouse, abc, regulated);
    }

    static CountCandidate counted(CountablePair pair, LocalDate lastCounted) {
        return new CountCandidate(pair, GO_LIVE, Optional.of(lastCounted), CountAccuracy.of(5, 5), List.of());
    }

    static CountCandidate counted(CountablePair pair, LocalDate lastCounted, CountAccuracy accuracy) {
        return new CountCandidate(pair, GO_LIVE, Optional.of(lastCounted), accuracy, List.of());
    }
}
