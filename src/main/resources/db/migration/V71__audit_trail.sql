-- The audit trail (DESIGN §7): every change to rules, processes and master data and every approval by a person,
-- with who, when, what and the state before and after. Written in the transaction of the change it describes
-- (an entry exists iff the change committed), never changed afterwards: the application has no UPDATE or DELETE
-- path, and the triggers below refuse one from anybody else too (as a ledger's lines, an audit that can be edited
-- proves nothing). Removing old entries, should a retention policy ever need it, is a migration's job.
CREATE TABLE audit_entry (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz  NOT NULL,
    actor        varchar(200) NOT NULL,
    action       varchar(60)  NOT NULL,
    subject_type varchar(50)  NOT NULL,
    subject_id   varchar(200) NOT NULL,
    before       jsonb,                     -- null when the subject was created
    after        jsonb,
    note         text
);

-- newest first (by id), filtered by subject, actor, action or time
CREATE INDEX audit_entry_subject ON audit_entry (subject_type, subject_id, id);
CREATE INDEX audit_entry_actor ON audit_entry (actor, id);
CREATE INDEX audit_entry_action ON audit_entry (action, id);
CREATE INDEX audit_entry_at ON audit_entry (at);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
