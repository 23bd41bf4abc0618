package com.invgov.inventory;

import java.util.List;

/** The answer to a batch of movements: {@code {"items": [...]}}, in the order of the request. */
public record MovementBatch(List<Movement> items) {
}
