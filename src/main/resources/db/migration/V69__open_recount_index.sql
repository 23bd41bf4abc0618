-- A count asks whether its place has an adjustment waiting for a recount (the next count there is that recount).
-- The pair index holds every adjustment a place ever had (one per variance posted); this one only the few open for
-- a recount, so the question costs the same on the ten-thousandth count of a place as on the first.
CREATE INDEX adjustment_awaiting_recount ON invgov.adjustment (sku, location)
    WHERE status IN ('PENDING_RECOUNT', 'CONFLICT');
