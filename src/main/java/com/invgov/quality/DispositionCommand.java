package com.invgov.quality;

import com.invgov.rules.model.Disposition;

import java.math.BigDecimal;

/** A disposition of {@code quantity} (base UoM) of one hold line. */
public record DispositionCommand(String lineId, Disposition disposition, BigDecimal quantity, String comment) {
}
