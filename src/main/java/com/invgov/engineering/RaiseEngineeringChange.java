package com.invgov.engineering;

import java.time.LocalDate;
import java.util.List;

/**
 * An ENGINEER's proposal: the product's next BOM revision with all its lines, from {@code effectiveFrom} (today or
 * later, UTC), and why. {@code revision} names the new revision; null: the one after the product's highest (B after
 * A, 3 after 2; A for a product without a BOM).
 */
public record RaiseEngineeringChange(String product, String revision, List<EcoLine> lines, LocalDate effectiveFrom,
                                     String reason) {
}
