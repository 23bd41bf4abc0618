-- The escalated flag of an adjustment lasts while the approval task that waited 24 h waits (issue 5 point 4):
-- it is now cleared when that task is done or the adjustment ends. Adjustments that ended while flagged are
-- cleared here. updated_at is left alone: of a POSTED adjustment it is when it was posted (the dashboard reads it).
-- A flag still on an adjustment waiting for a later role cannot be told from one of its own and is kept.
UPDATE invgov.adjustment SET escalated = false WHERE escalated AND status <> 'PENDING_APPROVAL';
