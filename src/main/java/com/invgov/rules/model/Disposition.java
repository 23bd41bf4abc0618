package com.invgov.rules.model;

/** What happens to held stock (DESIGN §4, quality-hold). */
public enum Disposition {
    RELEASE, REWORK, SCRAP, RETURN_TO_VENDOR, USE_AS_IS
}
