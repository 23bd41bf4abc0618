package com.invgov.receiving;

import java.math.BigDecimal;

/** A check as recorded: {@code passed} for a pass/fail check, {@code value} for a measured one. */
public record CheckResult(String name, Boolean passed, BigDecimal value) {
}
