package com.invgov.receiving;

/** A receipt was posted or moved on (approved, inspected, put away); {@code state} as {@link Receipt} shows it. */
public record ReceiptPosted(String receiptId, String state) {
}
