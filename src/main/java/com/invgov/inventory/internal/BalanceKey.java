package com.invgov.inventory.internal;

import com.invgov.inventory.StockStatus;

import java.util.Comparator;

/** The key of a balance row; ordered, because rows are always locked in this order (no deadlocks). */
public record BalanceKey(String sku, String location, String lot, String serial, StockStatus status)
        implements Comparable<BalanceKey> {

    private static final Comparator<BalanceKey> ORDER = Comparator.comparing(BalanceKey::sku)
            .thenComparing(BalanceKey::location).thenComparing(BalanceKey::lot).thenComparing(BalanceKey::serial)
            .thenComparing(k -> k.status().name());

    @Override
    public int compareTo(BalanceKey other) {
        return ORDER.compare(this, other);
    }
}
