package com.invgov.receiving;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Expected receipt lines past their due date with quantity still open: how many, the oldest due date (null when
 * none) and the value still open (open base quantity × unit cost).
 */
public record OverdueFigures(int lines, LocalDate oldestDue, BigDecimal openValue) {
}
