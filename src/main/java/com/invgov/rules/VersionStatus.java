package com.invgov.rules;

/** DRAFT → PUBLISHED → RETIRED; a RETIRED version can be published again (rollback). */
public enum VersionStatus {
    DRAFT, PUBLISHED, RETIRED
}
