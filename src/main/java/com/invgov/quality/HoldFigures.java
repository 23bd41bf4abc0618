package com.invgov.quality;

import java.math.BigDecimal;

/** How many holds are open and the value of the stock they keep in QUARANTINE (dashboard). */
public record HoldFigures(int openHolds, BigDecimal value) {
}
