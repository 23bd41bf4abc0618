-- The Stock console view and GET /stock page through balances in key order (sku, location, lot, serial, status),
-- continuing after the last row they have (keyset). The primary key serves that order and the sku filter,
-- balance_location the location filter, location_warehouse the warehouse filter. A filter on a lot, or on a
-- status other than AVAILABLE, matches few rows spread over the whole key range: without these indexes every page
-- read all balances to find them (15–150 ms on 100k rows). Both are partial on columns a posting never changes
-- (lot and status are part of the key), so balance updates stay HOT.
CREATE INDEX balance_lot ON balance (lot, sku, location, serial, status) WHERE lot <> '';
CREATE INDEX balance_held ON balance (status, sku, location, lot, serial) WHERE status <> 'AVAILABLE';
