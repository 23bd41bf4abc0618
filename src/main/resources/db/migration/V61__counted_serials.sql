-- Counts and adjustments of serial-tracked items name their serial numbers: a count keeps the serials it saw, an
-- adjustment the serials it stands for (of a count: the latest count's; of a manual request: the serials it moves).
-- NULL for items without serials.
ALTER TABLE invgov.count_result ADD COLUMN serials text[];
ALTER TABLE invgov.adjustment ADD COLUMN serials text[];
