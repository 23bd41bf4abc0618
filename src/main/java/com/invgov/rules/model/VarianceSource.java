package com.invgov.rules.model;

/** Where a variance comes from. */
public enum VarianceSource {
    CYCLE_COUNT, MANUAL, QUALITY
}
