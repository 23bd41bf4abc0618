package com.invgov.inventory;

/** Location types of DESIGN §3; the last four are virtual: the outside ends of movements, without balances. */
public enum LocationType {
    RECEIVING, STOCK, STAGING, PRODUCTION, QUALITY, SCRAP, TRANSIT, SHIPPING,
    SUPPLIER, CUSTOMER, ADJUSTMENT, CONSUMED;

    public boolean isVirtual() {
        return this == SUPPLIER || this == CUSTOMER || this == ADJUSTMENT || this == CONSUMED;
    }

    /** The code of the one location of a virtual type (its name). */
    public String virtualCode() {
        if (!isVirtual()) {
            throw new IllegalStateException(this + " is not virtual");
        }
        return name();
    }
}
