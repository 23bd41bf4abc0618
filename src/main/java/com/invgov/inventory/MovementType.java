package com.invgov.inventory;

/** Movement types of DESIGN §3. ADJUSTMENT comes only from approved adjustments, never from the API. */
public enum MovementType {
    RECEIPT, PUTAWAY, TRANSFER, TRANSFER_SHIP, TRANSFER_RECEIVE, ISSUE, PRODUCE, SCRAP, ADJUSTMENT, STATUS_CHANGE,
    SHIP, RETURN_TO_VENDOR
}
