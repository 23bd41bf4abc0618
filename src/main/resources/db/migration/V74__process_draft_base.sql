-- The version of its process key a draft was written against (null: the key had none). Publishing a draft after
-- another version of its key was deployed would silently undo that version's changes: it is refused (409) and the
-- draft is uploaded again on top of the newer version.
ALTER TABLE process_draft ADD COLUMN base_version integer;
