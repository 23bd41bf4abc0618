package com.invgov.inventory;

/** A place stock can be. Virtual locations (SUPPLIER, ...) have no warehouse and no balances. */
public record Location(String code, String warehouse, LocationType type, boolean countable, boolean allowNegative) {

    public boolean isVirtual() {
        return type.isVirtual();
    }
}
