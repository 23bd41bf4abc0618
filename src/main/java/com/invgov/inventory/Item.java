package com.invgov.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** An item of the item master (DESIGN §3, §6.1). {@code shelfLifeDays} null: no expiry. */
public record Item(String sku, String description, String baseUom, List<UomConversion> uomConversions,
                   Tracking tracking, AbcClass abcClass, String category, BigDecimal unitCost, boolean regulated,
                   Integer shelfLifeDays, String defaultSupplier) {

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
}
