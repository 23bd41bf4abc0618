package com.invgov.counting.plan;

import java.util.Map;

/**
 * The parameters of {@code cycle-count-policy} (DESIGN §5.2). {@link #DEFAULTS} are the shipped version 1.
 *
 * @param intervalDaysA           days between counts of an A item
 * @param intervalDaysB           days between counts of a B item
 * @param intervalDaysC           days between counts of a C item
 * @param regulatedMaxIntervalDays a regulated item is counted at least this often, whatever its class
 * @param accuracyThreshold       share within tolerance (0..1) of the recent counts below which the interval halves
 * @param capacityPerDay          counts a warehouse can do per day unless {@code capacityByWarehouse} says otherwise
 * @param capacityByWarehouse     per-warehouse capacity overrides, by warehouse code
 */
public record CycleCountPolicy(int intervalDaysA, int intervalDaysB, int intervalDaysC, int regulatedMaxIntervalDays,
                               double accuracyThreshold, int capacityPerDay, Map<String, Integer> capacityByWarehouse) {

    public static final CycleCountPolicy DEFAULTS = new CycleCountPolicy(30, 90, 365, 30, 0.80, 200, Map.of());

    public CycleCountPolicy {
        requirePositive(intervalDaysA, "intervalDaysA");
        requirePositive(intervalDaysB, "intervalDaysB");
        requirePositive(intervalDaysC, "intervalDaysC");
        requirePositive(regulatedMaxIntervalDays, "regulatedMaxIntervalDays");
        requirePositive(capacityPerDay, "capacityPerDay");
        if (!(accuracyThreshold >= 0 && accuracyThreshold <= 1)) {
            throw new IllegalArgumentException("accuracyThreshold must be within 0..1, got " + accuracyThreshold);
        }
        capacityByWarehouse = Map.copyOf(capacityByWarehouse);
        capacityByWarehouse.forEach((warehouse, capacity) -> requirePositive(capacity, "capacity of " + warehouse));
    }

    public CycleCountPolicy withCapacityPerDay(int capacity) {
        return new CycleCountPolicy(intervalDaysA, intervalDaysB, intervalDaysC, regulatedMaxIntervalDays,
                accuracyThreshold, capacity, capacityByWarehouse);
    }

    public CycleCountPolicy withCapacity(String warehouse, int capacity) {
        var capacities = new java.util.HashMap<>(capacityByWarehouse);
        capacities.put(warehouse, capacity);
        return new CycleCountPolicy(intervalDaysA, intervalDaysB, intervalDaysC, regulatedMaxIntervalDays,
                accuracyThreshold, capacityPerDay, capacities);
    }

    public int capacityOf(String warehouse) {
        return capacityByWarehouse.getOrDefault(warehouse, capacityPerDay);
    }

    int baseIntervalDays(AbcClass abcClass) {
        return switch (abcClass) {
            case A -> intervalDaysA;
            case B -> intervalDaysB;
            case C -> intervalDaysC;
        };
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
