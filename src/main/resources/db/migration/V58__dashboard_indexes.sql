-- Dashboard figures and the approvals inbox's count history (issue 5): the 30-day windows read counts by event
-- time and posted adjustments by posting time; a first count is told from a recount by its adjustment.
CREATE INDEX count_result_event_time ON invgov.count_result (event_time);
CREATE INDEX count_result_adjustment ON invgov.count_result (adjustment_id) WHERE adjustment_id IS NOT NULL;
CREATE INDEX adjustment_posted ON invgov.adjustment (updated_at) WHERE status = 'POSTED';
CREATE INDEX adjustment_escalated ON invgov.adjustment (created_at) WHERE escalated AND status = 'PENDING_APPROVAL';
