/**
 * Inventory: master data (items with UoM conversions, sites, warehouses, locations, suppliers, lots, serials),
 * the stock ledger with its balances, and reservations (DESIGN §3). The ledger is the truth every process acts on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package com.invgov.inventory;
