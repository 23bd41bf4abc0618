-- GET /api/v1/counts/{id} answers a count as its 201 did: the variance's value and percent and the whole decision
-- (rule set, version, approver roles, fired rules) are kept with the count, as they were when it was decided (an
-- adjustment's own decision may change with a recount; the count's does not). Unconstrained numeric: the value and
-- the unrounded percent read back exactly as answered. Counts kept before this version have NULL here.
ALTER TABLE invgov.count_result ADD COLUMN diff_value numeric;
ALTER TABLE invgov.count_result ADD COLUMN diff_pct numeric;
ALTER TABLE invgov.count_result ADD COLUMN approver_roles text;
ALTER TABLE invgov.count_result ADD COLUMN rule_set varchar(60);
ALTER TABLE invgov.count_result ADD COLUMN rule_set_version integer;
ALTER TABLE invgov.count_result ADD COLUMN fired_rules text;
