package com.invgov.counting;

import com.invgov.adjustment.Decision;
import com.invgov.adjustment.Variance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A count as {@code GET /api/v1/counts/{id}} shows it: the answer its {@code POST} gave ({@code id},
 * {@code variance}, {@code decision}, {@code adjustmentId}) and what was counted: item, location, lot, the quantity
 * and UoM as entered, the serials scanned, when (event time) and by whom; a recount names the first count.
 * Counts kept before V68 kept their whole decision show its {@code outcome} only: rule set, the variance's value and
 * percent null, version 0, no approver roles or fired rules.
 */
public record Count(String id, String sku, String location, String lot, BigDecimal countedQuantity, String uom,
                    List<String> serials, String countTaskId, String recountOf, Instant eventTime, String countedBy,
                    Variance variance, Decision decision, String adjustmentId) {
}
