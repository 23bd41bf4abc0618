package com.invgov.inventory;

import java.time.Instant;
import java.time.LocalDate;

/** A lot of an item, created by its first receipt or production; {@code expiresOn} from the item's shelf life. */
public record Lot(String sku, String lot, LocalDate expiresOn, Instant createdAt) {
}
