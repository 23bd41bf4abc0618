-- BPMN uploaded through the API (DESIGN §6 POST /processes, §7 four-eyes): validated and kept as a DRAFT until a
-- second ADMIN deploys it to the engine. The engine's own tables (ACT_RE_*) keep what is deployed; this table keeps
-- who wrote and who published what, and the text exactly as it was reviewed.
CREATE TABLE process_draft (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    process_key        text        NOT NULL,
    -- 1, 2, 3 ... per process key: the draft's number, not the engine's version (known only once deployed)
    draft_number       integer     NOT NULL,
    name               text,
    bpmn               text        NOT NULL,
    comment            text,
    status             text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    published_by       text,
    published_at       timestamptz,
    deployment_id      text,
    definition_id      text,
    definition_version integer,
    UNIQUE (process_key, draft_number),
    CHECK ((status = 'PUBLISHED') = (published_by IS NOT NULL AND definition_id IS NOT NULL))
);
