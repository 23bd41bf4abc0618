/**
 * Receiving: expected receipts, receipts against them, putaway; and the reading of GS1-128 scans at the dock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Receiving")
package com.invgov.receiving;
