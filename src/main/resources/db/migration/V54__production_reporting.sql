-- Production reporting (issue 6 point 6): backflush at completion, scrap with a reason, trace by serial.

-- Where backflushed components are taken from; null: the PRODUCTION location of the warehouse the completion goes to.
ALTER TABLE production_order ADD COLUMN issue_location varchar(60);

-- A flow posted by backflush at completion (not by a manual issue), and which completion it belongs to.
ALTER TABLE production_flow ADD COLUMN backflush boolean NOT NULL DEFAULT false;
CREATE INDEX production_flow_serial ON production_flow (sku, serial, direction) WHERE serial <> '';
CREATE INDEX production_flow_at ON production_flow (at) WHERE direction = 'OUT';

-- Scrap reported against an order: the SCRAP movement and its reason (from invgov.production.scrap-reasons).
CREATE TABLE production_scrap (
    id          bigserial      PRIMARY KEY,
    order_id    bigint         NOT NULL REFERENCES production_order (id),
    sku         varchar(60)    NOT NULL REFERENCES item (sku),
    lot         varchar(60)    NOT NULL DEFAULT '',
    serial      varchar(60)    NOT NULL DEFAULT '',
    quantity    numeric(24, 6) NOT NULL CHECK (quantity > 0),
    location    varchar(60)    NOT NULL,
    reason_code varchar(40)    NOT NULL,
    movement_id bigint         NOT NULL,
    posted_by   varchar(100)   NOT NULL,
    at          timestamptz    NOT NULL
);
CREATE INDEX production_scrap_order ON production_scrap (order_id);
CREATE INDEX production_scrap_at ON production_scrap (at);

-- The default scrap reasons are reason codes of the ledger too (every SCRAP movement carries one, with its GL
-- account); DAMAGED is there already.
INSERT INTO reason_code (code, description, gl_account) VALUES
    ('SETUP', 'Scrap at machine set-up', '5820'),
    ('QUALITY_REJECT', 'Rejected by in-process quality check', '5820'),
    ('EXPIRED', 'Shelf life expired', '5820')
ON CONFLICT (code) DO NOTHING;
