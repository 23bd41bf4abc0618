package com.invgov.counting;

import java.math.BigDecimal;
import java.time.Instant;

/** Count results (DESIGN §5.1, §6.1): blind counts and recounts, each decided by {@code adjustment-tolerance}. */
public interface Counts {

    /**
     * Records a count of one (item, location, lot) in any UoM of the item. {@code recountOf} (the first count's
     * id) or a {@code countTaskId} of an open recount task makes it a recount of that count's adjustment.
     * {@code eventTime} null = now.
     */
    CountResult count(String location, String sku, String lot, BigDecimal countedQuantity, String uom,
                      String countTaskId, String recountOf, Instant eventTime);
}
