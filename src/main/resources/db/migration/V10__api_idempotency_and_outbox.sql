-- What every API call shares (DESIGN §6): idempotency keys and the transactional outbox behind GET /events.

-- One row per (caller, Idempotency-Key) that ran: the first response, replayed for the same request.
-- Requests refused before anything ran (400/401/403/413/415/422) are never stored.
CREATE TABLE idempotency_key (
    caller       varchar(200) NOT NULL,
    key          varchar(200) NOT NULL,
    request_hash char(64)     NOT NULL,     -- SHA-256 of the request (method, path, canonical JSON body)
    status       int          NOT NULL,
    body         text,
    location     varchar(500),
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

-- The outbox: written in the transaction of the change it describes, read in (tx, seq) order. A reader only
-- sees rows of transactions older than every transaction still running, so a cursor never skips a row that
-- commits later (see EventFeed).
CREATE TABLE outbox_event (
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    tx           xid8         NOT NULL DEFAULT pg_current_xact_id(),
    type         varchar(100) NOT NULL,
    subject_type varchar(50)  NOT NULL,
    subject_id   varchar(200) NOT NULL,
    payload      jsonb        NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    PRIMARY KEY (tx, seq)
);
