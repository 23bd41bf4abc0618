package com.invgov.rules.model;

import java.math.BigDecimal;

/**
 * An engineering change order, as {@code eco-routing} sees it (DESIGN §5.5).
 *
 * @param anyRegulatedComponent  an affected component is regulated
 * @param obsoleteWriteOffValue  value of the stock the change makes obsolete
 */
public record EcoRoutingFact(boolean anyRegulatedComponent, BigDecimal obsoleteWriteOffValue) {
}
