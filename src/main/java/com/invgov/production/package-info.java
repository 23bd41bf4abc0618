/**
 * Production reporting as genealogy needs it: production orders against a BOM revision, component ISSUE and
 * PRODUCE with lots, and traceability of a lot upstream (what went into it, from which receipts and suppliers) and
 * downstream (product lots, shipments, where it is now).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Production")
package com.invgov.production;
