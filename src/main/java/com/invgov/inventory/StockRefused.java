package com.invgov.inventory;

import java.math.BigDecimal;

/**
 * A posting or reservation was refused for insufficient stock (published after the refused transaction rolled
 * back, with the refusal counted): the cycle-count policy schedules an event count for it.
 */
public record StockRefused(String kind, String sku, String location, String lot, BigDecimal requested,
                           String reference, String actor) {
}
