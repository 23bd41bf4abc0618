package com.invgov.quality;

/**
 * What to hold: a lot or serial of an item (wherever it is), or everything at a location, or both narrowed
 * together. {@code reason} is required.
 */
public record HoldCommand(String sku, String lot, String serial, String location, String reason) {
}
