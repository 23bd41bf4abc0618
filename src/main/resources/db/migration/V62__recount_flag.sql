-- A count says whether it is a recount (of an adjustment an earlier count opened, with or without recount_of), so
-- that the accuracy of DESIGN §5.2 (the planner's last 5 counts), the Counting overview and the dashboard all count
-- first counts only — a recount verifies a variance, it is not a second miss or a second hit — without each
-- working it out again.
ALTER TABLE invgov.count_result ADD COLUMN recount boolean NOT NULL DEFAULT false;
UPDATE invgov.count_result c SET recount = true
 WHERE c.recount_of IS NOT NULL
    OR (c.adjustment_id IS NOT NULL AND EXISTS (
          SELECT 1 FROM invgov.count_result e WHERE e.adjustment_id = c.adjustment_id AND e.created_at < c.created_at));
