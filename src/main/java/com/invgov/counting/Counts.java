package com.invgov.counting;

import java.math.BigDecimal;
import java.time.Instant;

/** Count results (DESIGN §5.1, §6.1): blind counts and recounts, each decided by {@code adjustment-tolerance}. */
public interface Counts {

    /**
     * Records a count of one (item, location, lot) in any UoM of the item. {@code recountOf} (the first count's
     * id) or a {@code countTaskId} of an open recount task makes it a recount of that count's adjustment.
     * {@code eventTime} null = now. {@code serials}: the serial numbers counted, one per unit, of a serial-tracked
     * item (null: none scanned — accepted only when the count matches the ledger, since a variance of such an item is
     * posted serial by serial; 422 on {@code serials} otherwise).
     */
    CountResult count(String location, String sku, String lot, BigDecimal countedQuantity, String uom,
                      java.util.List<String> serials, String countTaskId, String recountOf, Instant eventTime);

    /**
     * A count as its answer showed it, with what was counted. Blind counts stay blind: who holds only OPERATOR reads
     * only the counts they posted themselves (403 otherwise); every other role reads any. 404 when there is no such
     * count (also for an id that is no count id).
     */
    Count read(String id);
}
