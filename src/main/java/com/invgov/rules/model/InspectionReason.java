package com.invgov.rules.model;

/** Why a receipt is inspected or not (DESIGN §5.3). */
public enum InspectionReason {
    REGULATED, SUPPLIER_ON_PROBATION, FIRST_RECEIPT, SKIP_LOT_SAMPLE, SKIP_LOT
}
