package com.invgov.rules.model;

import java.math.BigDecimal;

/**
 * The variance of one (item, location, lot), as {@code adjustment-tolerance} sees it (DESIGN §5.1).
 *
 * @param diffQty   counted − system, in the base UoM
 * @param diffValue |diffQty| × unit cost
 * @param diffPct   |diffQty| / system × 100, unrounded; 0 or 100 when the system quantity is 0
 */
public record AdjustmentToleranceFact(BigDecimal systemQty, BigDecimal countedQty, BigDecimal diffQty,
                                      BigDecimal diffValue, BigDecimal diffPct, String abcClass, boolean regulated,
                                      VarianceSource source, boolean recountDone) {
}
