package com.invgov.engineering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An engineering change order as the API and the console show it. {@code impact} and {@code routing} are null only
 * in the moment between raising and analysing (never seen outside the raising transaction).
 */
public record EngineeringChange(String id, String product, String fromRevision, String toRevision,
                                LocalDate effectiveFrom, String reason, EcoStatus status, String raisedBy,
                                Instant raisedAt, List<EcoLine> lines, Impact impact, Routing routing,
                                List<EcoApproval> approvals, Disposition disposition, Instant activatedAt,
                                Instant closedAt) {

    public EngineeringChange {
        lines = List.copyOf(lines);
        approvals = List.copyOf(approvals);
    }

    /** The decision on the old stock of the outgoing components; null until it is taken. */
    public record Disposition(StockDisposition disposition, String by, String note, Instant at) {
    }

    /** One line of the list of changes. */
    public record Summary(String id, String product, String fromRevision, String toRevision, LocalDate effectiveFrom,
                          EcoStatus status, String raisedBy, Instant raisedAt, List<String> approverRoles,
                          java.math.BigDecimal obsoleteWriteOffValue) {
    }
}
