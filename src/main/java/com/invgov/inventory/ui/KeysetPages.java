package com.invgov.inventory.ui;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the offset/limit requests of a lazy grid into keyset queries: it remembers the last row of every page
 * it fetched, at its position, and continues after the nearest one before the requested offset, so the
 * database never counts its way through the rows before (an OFFSET of 90 000 reads 90 000 rows). Only a jump
 * past every page seen so far skips rows, and only from the nearest page. One per grid and filter.
 */
final class KeysetPages<T> {

    /** Rows after a row (null = from the start), skipping some first. */
    interface Fetch<T> {
        List<T> rows(T after, int skip, int limit);
    }

    private static final int MAX_ANCHORS = 10_000;

    private final Fetch<T> fetch;
    private final TreeMap<Integer, T> anchors = new TreeMap<>();

    KeysetPages(Fetch<T> fetch) {
        this.fetch = fetch;
    }

    List<T> page(int offset, int limit) {
        Map.Entry<Integer, T> anchor = anchors.floorEntry(offset - 1);
        List<T> rows = anchor == null ? fetch.rows(null, offset, limit)
                : fetch.rows(anchor.getValue(), offset - 1 - anchor.getKey(), limit);
        if (!rows.isEmpty()) {
            if (anchors.size() >= MAX_ANCHORS) {
                anchors.clear();
            }
            anchors.put(offset + rows.size() - 1, rows.get(rows.size() - 1));
        }
        return rows;
    }
}
