package com.invgov.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A production order with what it consumed ({@code IN}) and produced ({@code OUT}), base UoM. */
public record ProductionOrder(String id, String sku, String bomRevision, BigDecimal quantity, String status,
                              String createdBy, Instant createdAt, List<Flow> flows) {

    public record Flow(String direction, String sku, String lot, String serial, BigDecimal quantity,
                       String movementId) {
    }
}
