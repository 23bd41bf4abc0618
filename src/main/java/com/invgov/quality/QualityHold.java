package com.invgov.quality;

import com.invgov.rules.model.Disposition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A quality hold: what was asked ({@code sku}/{@code lot}/{@code serial}/{@code location}), one line per balance
 * that went to QUARANTINE, the dispositions so far, and the held value (remaining quantity × unit cost).
 */
public record QualityHold(String id, String source, String sku, String lot, String serial, String location,
                          String reason, String reference, String status, String createdBy, Instant createdAt,
                          BigDecimal heldValue, List<Line> lines, List<DispositionView> dispositions) {

    /** A balance put on hold; {@code remaining} is what no posted or pending disposition covers yet. */
    public record Line(String id, String sku, String location, String lot, String serial, String fromStatus,
                       BigDecimal quantity, BigDecimal remaining, String uom) {
    }

    /** A disposition of part of a line. {@code status}: PENDING_MRB, POSTED, REJECTED. */
    public record DispositionView(String id, String lineId, Disposition disposition, BigDecimal quantity,
                                  BigDecimal value, boolean mrbRequired, List<String> approverRoles, int ruleVersion,
                                  String status, String comment, String proposedBy, Instant proposedAt,
                                  List<Approval> approvals, String movementId) {
    }

    public record Approval(String role, String by, boolean approved, String comment, Instant at) {
    }
}
