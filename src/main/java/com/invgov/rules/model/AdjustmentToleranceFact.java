package com.invgov.rules.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The variance of one (item, location, lot), as {@code adjustment-tolerance} sees it (DESIGN §5.1).
 *
 * @param systemQty   balance as of the count's event time, every status summed, base UoM
 * @param countedQty  what was counted, base UoM
 * @param diffQty     counted − system
 * @param diffValue   |diffQty| × unit cost
 * @param diffPct     |diffQty| / system × 100, unrounded; when the system quantity is 0: 0 if counted is 0, else 100
 * @param abcClass    A, B or C
 * @param regulated   the item is regulated
 * @param source      where the variance comes from
 * @param recountDone a recount by another person confirmed the variance
 */
public record AdjustmentToleranceFact(BigDecimal systemQty, BigDecimal countedQty, BigDecimal diffQty,
                                      BigDecimal diffValue, BigDecimal diffPct, String abcClass, boolean regulated,
                                      VarianceSource source, boolean recountDone) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public AdjustmentToleranceFact {
        Objects.requireNonNull(diffQty, "diffQty");
        Objects.requireNonNull(diffValue, "diffValue");
        Objects.requireNonNull(diffPct, "diffPct");
        Objects.requireNonNull(source, "source");
    }

    /** The fact of a count, with diffQty, diffValue and diffPct computed as DESIGN §5.1 defines them. */
    public static AdjustmentToleranceFact of(BigDecimal systemQty, BigDecimal countedQty, BigDecimal unitCost,
                                             String abcClass, boolean regulated, VarianceSource source,
                                             boolean recountDone) {
        BigDecimal diff = countedQty.subtract(systemQty);
        BigDecimal value = diff.abs().multiply(unitCost);
        BigDecimal pct;
        if (systemQty.signum() == 0) {
            pct = countedQty.signum() == 0 ? BigDecimal.ZERO : HUNDRED;
        } else {
            pct = diff.abs().multiply(HUNDRED).divide(systemQty.abs(), MathContext.DECIMAL128);
        }
        return new AdjustmentToleranceFact(systemQty, countedQty, diff, value, pct, abcClass, regulated, source,
                recountDone);
    }
}
