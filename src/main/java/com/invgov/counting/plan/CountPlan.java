package com.invgov.counting.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The plan of one day: one {@link WarehouseDayPlan} per warehouse that has countable pairs, by warehouse code. */
public record CountPlan(LocalDate day, List<WarehouseDayPlan> warehouses) {

    public CountPlan {
        warehouses = List.copyOf(warehouses);
    }

    public Optional<WarehouseDayPlan> warehouse(String code) {
        return warehouses.stream().filter(plan -> plan.warehouse().equals(code)).findFirst();
    }

    public List<PlannedCount> allCounts() {
        return warehouses.stream().flatMap(plan -> plan.counts().stream()).toList();
    }
}
