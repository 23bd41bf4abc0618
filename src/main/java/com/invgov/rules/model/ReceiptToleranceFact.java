package com.invgov.rules.model;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What arrived against an expected receipt line, as {@code receipt-tolerance} sees it (DESIGN §5.3).
 *
 * @param expectedQty expected quantity, base UoM, greater than 0
 * @param receivedQty received quantity on the line so far including this receipt, base UoM
 * @param receivedPct receivedQty / expectedQty × 100, unrounded
 */
public record ReceiptToleranceFact(BigDecimal expectedQty, BigDecimal receivedQty, BigDecimal receivedPct) {

    public static ReceiptToleranceFact of(BigDecimal expectedQty, BigDecimal receivedQty) {
        if (expectedQty.signum() <= 0) {
            throw new IllegalArgumentException("expected quantity must be greater than 0");
        }
        return new ReceiptToleranceFact(expectedQty, receivedQty,
                receivedQty.multiply(BigDecimal.valueOf(100)).divide(expectedQty, MathContext.DECIMAL128));
    }
}
