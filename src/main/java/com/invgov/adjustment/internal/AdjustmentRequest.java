package com.invgov.adjustment.internal;

import com.invgov.adjustment.AdjustmentStatus;
import com.invgov.adjustment.Approval;
import com.invgov.adjustment.Decision;
import com.invgov.api.Conflict;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An adjustment request with its state transitions (DESIGN §5.1). Loaded under a row lock, changed here, saved.
 */
public final class AdjustmentRequest {

    public static final String CYCLE_COUNT = "CYCLE_COUNT";

    final UUID id;
    AdjustmentStatus status;
    /** The status as the database holds it (as loaded, or as last inserted or saved). */
    AdjustmentStatus storedStatus;
    /** A new request whose row is written once its process's first step is done (see AdjustmentService.open). */
    boolean unwritten;
    final String sku;
    final String location;
    final String lot;
    final String source;
    String reasonCode;
    final String note;
    Instant eventTime;
    BigDecimal systemQty;
    BigDecimal countedQty;
    BigDecimal quantityDelta;
    BigDecimal value;
    BigDecimal diffPct;
    boolean recountDone;
    Decision decision;
    final String requestedBy;
    final List<String> counters;
    UUID countId;
    String movementId;
    boolean escalated;
    final Instant createdAt;
    final List<Approval> approvals;
    final List<Approval> newApprovals = new ArrayList<>();
    /** Serial-tracked items only (else null): the serials counted (the latest count's), or the serials requested. */
    List<String> serials;

    AdjustmentRequest(UUID id, AdjustmentStatus status, String sku, String location, String lot, String source,
                      String reasonCode, String note, Instant eventTime, BigDecimal systemQty, BigDecimal countedQty,
                      BigDecimal quantityDelta, BigDecimal value, BigDecimal diffPct, boolean recountDone,
                      Decision decision, String requestedBy, List<String> counters, UUID countId, String movementId,
                      boolean escalated, Instant createdAt, List<Approval> approvals, List<String> serials) {
        this.id = id;
        this.status = status;
        this.storedStatus = status;
        this.sku = sku;
        this.location = location;
        this.lot = lot;
        this.source = source;
        this.reasonCode = reasonCode;
        this.note = note;
        this.eventTime = eventTime;
        this.systemQty = systemQty;
        this.countedQty = countedQty;
        this.quantityDelta = quantityDelta;
        this.value = value;
        this.diffPct = diffPct;
        this.recountDone = recountDone;
        this.decision = decision;
        this.requestedBy = requestedBy;
        this.counters = new ArrayList<>(counters);
        this.countId = countId;
        this.movementId = movementId;
        this.escalated = escalated;
        this.createdAt = createdAt;
        this.approvals = new ArrayList<>(approvals);
        this.serials = serials;
    }

    public UUID id() {
        return id;
    }

    public AdjustmentStatus status() {
        return status;
    }

    /** Takes a (new) decision on a (new) variance: the status follows from the outcome. */
    void decided(Variance v, Decision d, String quantityReason) {
        this.systemQty = v.system();
        this.countedQty = v.counted();
        this.quantityDelta = v.diff();
        this.value = v.value();
        this.diffPct = v.pct();
        this.decision = d;
        if (quantityReason != null) {
            this.reasonCode = quantityReason;
        }
        moveTo(switch (d.outcome()) {
            case "NO_VARIANCE" -> AdjustmentStatus.CLOSED;
            case "AUTO_APPROVE" -> AdjustmentStatus.APPROVED;
            case "RECOUNT" -> AdjustmentStatus.PENDING_RECOUNT;
            default -> missingRoles().isEmpty() ? AdjustmentStatus.APPROVED : AdjustmentStatus.PENDING_APPROVAL;
        });
    }

    /** A recount by another person replaces the counted quantity (and serials) and event time. */
    void recounted(String counter, BigDecimal counted, List<String> serials, Instant at, UUID countId) {
        if (status != AdjustmentStatus.PENDING_RECOUNT && status != AdjustmentStatus.CONFLICT) {
            throw new Conflict("Adjustment " + id + " is " + status + ": no recount is pending.");
        }
        counters.add(counter);
        this.countedQty = counted;
        this.serials = serials;
        this.eventTime = at;
        this.recountDone = true;
        this.countId = countId;
    }

    /** Records an approval or rejection for a role; a rejection ends the request. */
    void approval(Approval approval) {
        if (status != AdjustmentStatus.PENDING_APPROVAL) {
            throw new Conflict("Adjustment " + id + " is " + status + ": no approval is pending.");
        }
        approvals.add(approval);
        newApprovals.add(approval);
        // the task that may have been overdue is done: the next role's task starts unflagged, with its own 24 h
        escalated = false;
        if (!approval.approved()) {
            moveTo(AdjustmentStatus.REJECTED);
        } else if (missingRoles().isEmpty()) {
            moveTo(AdjustmentStatus.APPROVED);
        }
    }

    /**
     * The approval task waiting now has waited 24 hours (its escalation timer): flagged until that task is done or
     * the request ends. False when no approval is pending (a timer that outlived its task changes nothing).
     */
    boolean escalate() {
        if (status != AdjustmentStatus.PENDING_APPROVAL) {
            return false;
        }
        escalated = true;
        return true;
    }

    void posted(String movementId) {
        moveTo(AdjustmentStatus.POSTED);
        this.movementId = movementId;
    }

    void conflict() {
        moveTo(AdjustmentStatus.CONFLICT);
    }

    /** A later count of the place found it with this variance in it: closed, nothing posted. */
    void superseded() {
        moveTo(AdjustmentStatus.CLOSED);
    }

    /** The roles of the decision that have not approved yet, in order; approvals given count toward a new decision. */
    List<String> missingRoles() {
        Set<String> missing = new LinkedHashSet<>(decision.approverRoles());
        approvals.stream().filter(Approval::approved).map(Approval::role).forEach(missing::remove);
        return List.copyOf(missing);
    }

    /** Everyone who counted, recounted, requested or already approved: none of them may approve. */
    Set<String> involved() {
        Set<String> people = new LinkedHashSet<>(counters);
        people.add(requestedBy);
        approvals.forEach(a -> people.add(a.by()));
        return people;
    }

    boolean isCount() {
        return CYCLE_COUNT.equals(source);
    }

    /**
     * Whether the variance is a count's: a count's, or a manual request's once recounted (after a CONFLICT). Such a
     * variance is recomputed as of the latest count's event time before posting; a manual request's own delta is not.
     */
    boolean restsOnACount() {
        return isCount() || recountDone;
    }

    private void moveTo(AdjustmentStatus next) {
        if (!status.mayBecome(next)) {
            throw new Conflict("Adjustment " + id + " cannot go from " + status + " to " + next + ".");
        }
        status = next;
        if (next != AdjustmentStatus.PENDING_APPROVAL) {
            // an escalation is of an approval task; with none waiting there is nothing overdue
            escalated = false;
        }
    }

    /** A computed variance (internal form). */
    record Variance(BigDecimal system, BigDecimal counted, BigDecimal diff, BigDecimal value, BigDecimal pct) {
    }
}
