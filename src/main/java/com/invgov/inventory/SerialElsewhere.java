package com.invgov.inventory;

import com.invgov.api.Conflict;

/** A serial number coming into a place while the ledger has it somewhere else: a serial is in one place only. */
public class SerialElsewhere extends Conflict {

    public SerialElsewhere(String sku, String serial, String location) {
        super("Serial " + serial + " of " + sku + " is already at " + location + "; a serial is in one place only.");
    }
}
