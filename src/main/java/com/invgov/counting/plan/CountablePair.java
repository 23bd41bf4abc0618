package com.invgov.counting.plan;

import java.util.Objects;

/**
 * One (item, location) pair that is counted together, with the item facts the policy looks at.
 *
 * @param warehouse the warehouse of the location, whose daily capacity the count uses
 */
public record CountablePair(String sku, String location, String warehouse, AbcClass abcClass, boolean regulated) {

    public CountablePair {
        requireText(sku, "sku");
        requireText(location, "location");
        requireText(warehouse, "warehouse");
        Objects.requireNonNull(abcClass, "abcClass");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
