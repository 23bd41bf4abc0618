package com.invgov.inventory;

/** Filters of the item list; null means any. {@code text} matches SKU or description, case-insensitive. */
public record ItemFilter(String category, AbcClass abcClass, Tracking tracking, Boolean regulated, String text) {
}
