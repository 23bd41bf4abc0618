package com.invgov.adjustment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An adjustment request as the API shows it (DESIGN §6.1). {@code escalated}: the approval task waiting now has
 * waited longer than 24 hours (the dashboard shows it; see {@link AdjustmentEscalated}). {@code serials}
 * (serial-tracked items only, else null): of a count, the serial numbers the latest count found; of a manual
 * request, the serial numbers it moves in ({@code quantityDelta > 0}) or out. {@code movementId}: the first of its
 * ADJUSTMENT movements (a serial-tracked item posts one per serial, all with reference {@code ADJ-<id>}).
 */
public record Adjustment(String id, AdjustmentStatus status, String sku, String location, String lot,
                         BigDecimal quantityDelta, BigDecimal value, String source, String reasonCode, String note,
                         Instant eventTime, String requestedBy, Decision decision, List<Approval> approvals,
                         String movementId, boolean escalated, Instant created, List<String> serials) {
}
