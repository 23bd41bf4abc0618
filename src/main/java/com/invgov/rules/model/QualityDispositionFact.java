package com.invgov.rules.model;

import java.math.BigDecimal;

/**
 * A disposition proposed for held stock, as {@code quality-disposition} sees it (DESIGN §5.4).
 *
 * @param disposition the proposed disposition
 * @param value       value of the stock concerned (quantity × unit cost)
 * @param regulated   the item is regulated
 */
public record QualityDispositionFact(Disposition disposition, BigDecimal value, boolean regulated) {
}
