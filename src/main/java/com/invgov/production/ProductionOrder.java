package com.invgov.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A production order with what it consumed ({@code IN}) and produced ({@code OUT}) and the scrap reported against it,
 * base UoM. {@code produced} and {@code scrapped} are of the order's own item; {@code issueLocation} is where
 * backflush takes components from (null: the PRODUCTION location of the warehouse a completion goes to).
 */
public record ProductionOrder(String id, String sku, String bomRevision, BigDecimal quantity, String status,
                              String issueLocation, BigDecimal produced, BigDecimal scrapped, String createdBy,
                              Instant createdAt, List<Flow> flows, List<Scrap> scraps) {

    /** {@code backflush}: posted by a completion with backflush, not by a manual issue. */
    public record Flow(String direction, String sku, String lot, String serial, BigDecimal quantity,
                       String movementId, boolean backflush) {
    }

    public record Scrap(String sku, String lot, String serial, BigDecimal quantity, String location,
                        String reasonCode, String movementId, String postedBy, Instant at) {
    }

    /** One line of the order list. */
    public record Summary(String id, String sku, String bomRevision, BigDecimal quantity, String status,
                          String issueLocation, BigDecimal produced, BigDecimal scrapped, Instant createdAt) {
    }
}
