package com.invgov.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** An item of the item master (DESIGN §3, §6.1). {@code shelfLifeDays} null: no expiry. */
public record Item(String sku, String description, String baseUom, List<UomConversion> uomConversions,
                   Tracking tracking, AbcClass abcClass, String category, BigDecimal unitCost, boolean regulated,
                   Integer shelfLifeDays, String defaultSupplier) {

    /**
     * Why a lot or serial number may not hold a control character: they are keys that are printed on labels,
     * compared and paged by (a cursor joins its parts with U+001F), not text.
     */
    public static final String CONTROL_CHARACTERS = "must not contain control characters (tab, line break, ...)";

    /** True when {@code code} (a lot, a serial number) holds an ISO control character; null holds none. */
    public static boolean hasControlCharacter(String code) {
        return code != null && code.codePoints().anyMatch(Character::isISOControl);
    }

    public Item {
        uomConversions = uomConversions == null ? List.of() : List.copyOf(uomConversions);
    }

    /** Base units in one {@code uom}: 1 for the base UoM, empty for a UoM the item does not know. */
    public Optional<BigDecimal> factor(String uom) {
        if (baseUom.equals(uom)) {
            return Optional.of(BigDecimal.ONE);
        }
        return uomConversions.stream().filter(c -> c.uom().equals(uom)).map(UomConversion::factor).findFirst();
    }

    /**
     * Why stock of this item cannot be kept under {@code lot} (null or blank: none) — a lot-tracked item needs one,
     * an item without lots takes none, nor does a serial-tracked one (tracking is one of the three) — or empty when
     * it can. What a count or an adjustment checks before anything runs, so that nothing is opened that the ledger
     * would refuse to post (DESIGN §3).
     */
    public Optional<String> lotProblem(String lot) {
        if (hasControlCharacter(lot)) {
            return Optional.of(CONTROL_CHARACTERS);
        }
        boolean none = lot == null || lot.isBlank();
        if (tracking == Tracking.LOT && none) {
            return Optional.of("required: " + sku + " is lot-tracked");
        }
        if (tracking == Tracking.NONE && !none) {
            return Optional.of(sku + " is not lot-tracked");
        }
        if (tracking == Tracking.SERIAL && !none) {
            return Optional.of(sku + " is serial-tracked: it has serial numbers, not lots");
        }
        return Optional.empty();
    }

    /** Why this many base units cannot be counted or adjusted (a serial-tracked item is whole units), or empty. */
    public Optional<String> quantityProblem(BigDecimal baseQuantity) {
        if (tracking == Tracking.SERIAL && baseQuantity.stripTrailingZeros().scale() > 0) {
            return Optional.of(sku + " is serial-tracked: whole " + baseUom + " only");
        }
        return Optional.empty();
    }

    /**
     * Serial numbers as the ledger keeps them: without the spaces around them, trimmed as a movement's serial is
     * (a scanner may add them). Null stays null.
     */
    public static List<String> serialsAsKept(List<String> serials) {
        return serials == null ? null : serials.stream().map(s -> s == null ? null : s.trim()).toList();
    }

    /**
     * Why {@code serials} cannot stand for {@code baseQuantity} units of this item, or empty. A serial-tracked item
     * names one serial number per unit (distinct, not blank, at most 60 characters); an item without serials takes
     * none. Null names none: whether that is allowed is the caller's decision.
     */
    public Optional<String> serialsProblem(List<String> serials, BigDecimal baseQuantity) {
        if (serials == null) {
            return Optional.empty();
        }
        if (tracking != Tracking.SERIAL) {
            return serials.isEmpty() ? Optional.empty() : Optional.of(sku + " is not serial-tracked");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String serial : serials) {
            if (serial == null || serial.isBlank()) {
                return Optional.of("a serial number is blank");
            }
            if (hasControlCharacter(serial)) {
                return Optional.of("serial number " + serial.strip() + " " + CONTROL_CHARACTERS);
            }
            if (serial.length() > 60) {
                return Optional.of("serial number " + serial.substring(0, 20) + "… is longer than 60 characters");
            }
            if (!seen.add(serial)) {
                return Optional.of("serial number " + serial + " is listed twice");
            }
        }
        if (baseQuantity.compareTo(BigDecimal.valueOf(serials.size())) != 0) {
            return Optional.of(serials.size() + " serial numbers for " + baseQuantity.stripTrailingZeros().toPlainString()
                    + " " + baseUom + ": one per unit");
        }
        return Optional.empty();
    }
}
