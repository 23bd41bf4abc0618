package com.invgov.adjustment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Adjustment requests (DESIGN §5.1): counts and manual requests are decided by {@code adjustment-tolerance}, go
 * through the {@code adjustment-approval} process and end posted, rejected or closed. Every method checks who
 * may call it.
 */
public interface Adjustments {

    /** Process key of the approval process. */
    String PROCESS = "adjustment-approval";

    /**
     * A first count (no recount): computes the variance as of {@code eventTime}, decides, and opens an adjustment
     * (and its process) unless there is no variance. Runs in the caller's transaction.
     *
     * @param countedBase the counted quantity in the item's base UoM
     * @param serials     the serial numbers counted (serial-tracked items; checked by the caller against the
     *                    quantity), or null: then a variance of a serial-tracked item is refused (422 on
     *                    {@code serials}) — it could not be posted
     */
    CountAssessed count(String countId, String sku, String location, String lot, BigDecimal countedBase,
                        List<String> serials, Instant eventTime, String counter);

    /**
     * A recount of an open adjustment by a person who has not counted it before (else 403), of the same item,
     * location and lot (else 422 on {@code countTaskId}), and not while another person holds its recount task (409).
     */
    CountAssessed recount(String adjustmentId, String countId, String sku, String location, String lot,
                          BigDecimal countedBase, List<String> serials, Instant eventTime, String counter);

    /** The adjustment whose open recount task this is, if it is one. */
    java.util.Optional<String> adjustmentOfRecountTask(String taskId);

    /**
     * A manual adjustment request ({@code source = MANUAL}); 201 as {@link #adjustment} shows it, in the base UoM.
     *
     * @param uom     the UoM of {@code quantityDelta}; null: the item's base UoM
     * @param serials a serial-tracked item's serial numbers moved, one per unit: in when the delta is positive (none
     *                of them may be at the location), out when negative (all of them must be); null otherwise
     */
    Adjustment request(String sku, String location, String lot, BigDecimal quantityDelta, String uom,
                       List<String> serials, String reasonCode, String note);

    /**
     * The adjustment. Every role reads it but OPERATOR (counts are blind: a recounter must not see the system
     * quantity), who reads only their own manual requests (else 403).
     */
    Adjustment adjustment(String id);

    /**
     * The counts of an (item, location) pair, every lot, newest first, at most {@code limit}: what an approver
     * reads next to a variance. Shows system quantities, so only those who may read adjustments may call it.
     */
    List<CountRecord> countHistory(String sku, String location, int limit);

    /** Completes an approval task: {@code approved}; a rejection needs a comment. */
    void complete(String taskId, boolean approved, String comment);
}
