package com.invgov.adjustment;

import java.math.BigDecimal;

/**
 * A variance of one (item, location, lot) as of a count's event time (DESIGN §5.1), base UoM. {@code diffPercent}
 * is unrounded (it is what the rules compared).
 */
public record Variance(BigDecimal systemQuantity, BigDecimal countedQuantity, BigDecimal diffQuantity,
                       BigDecimal diffValue, BigDecimal diffPercent) {
}
