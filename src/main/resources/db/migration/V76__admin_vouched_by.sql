-- Four-eyes (DESIGN §7) asks for a second ADMIN, and in local mode one ADMIN can make another: an account they created
-- as ADMIN, gave the ADMIN role or whose password they set is theirs to use. Who did that for a user is kept, and such
-- an ADMIN does not count as the second pair of eyes on that person's rules or processes.
ALTER TABLE app_user ADD COLUMN vouched_by varchar(100)[] NOT NULL DEFAULT '{}';
