package com.invgov.quality;

import com.invgov.rules.model.Disposition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A disposition waiting for MRB approval, as an approver's inbox shows it: what, how much, its value, who proposed
 * it, which roles must approve and which already have.
 */
public record MrbRequest(String dispositionId, String holdId, String sku, String lot, String location,
                         Disposition disposition, BigDecimal quantity, String uom, BigDecimal value,
                         List<String> approverRoles, List<QualityHold.Approval> approvals, String proposedBy,
                         Instant proposedAt, String comment, String holdReason) {
}
