-- Quality holds (DESIGN §4 quality-hold, §5.4): what was put on hold (one line per balance moved to QUARANTINE),
-- dispositions of partial quantities with their rule decision, and MRB approvals.
CREATE TABLE quality_hold (
    id         bigserial    PRIMARY KEY,
    source     varchar(20)  NOT NULL CHECK (source IN ('MANUAL', 'INSPECTION', 'RECALL')),
    sku        varchar(60),
    lot        varchar(60),
    serial     varchar(60),
    location   varchar(60),
    reason     varchar(1000) NOT NULL,
    reference  varchar(100),
    status     varchar(20)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    created_by varchar(100) NOT NULL,
    created_at timestamptz  NOT NULL,
    closed_at  timestamptz
);
CREATE INDEX quality_hold_status ON quality_hold (status, id);

CREATE TABLE quality_hold_line (
    id          bigserial      PRIMARY KEY,
    hold_id     bigint         NOT NULL REFERENCES quality_hold (id),
    sku         varchar(60)    NOT NULL REFERENCES item (sku),
    location    varchar(60)    NOT NULL REFERENCES location (code),
    lot         varchar(60)    NOT NULL DEFAULT '',
    serial      varchar(60)    NOT NULL DEFAULT '',
    from_status varchar(20)    NOT NULL,
    quantity    numeric(24, 6) NOT NULL,
    remaining   numeric(24, 6) NOT NULL CHECK (remaining >= 0)
);
CREATE INDEX quality_hold_line_hold ON quality_hold_line (hold_id, id);

CREATE TABLE quality_disposition (
    id             bigserial      PRIMARY KEY,
    hold_id        bigint         NOT NULL REFERENCES quality_hold (id),
    line_id        bigint         NOT NULL REFERENCES quality_hold_line (id),
    disposition    varchar(20)    NOT NULL,
    quantity       numeric(24, 6) NOT NULL CHECK (quantity > 0),
    value          numeric(24, 6) NOT NULL,
    mrb_required   boolean        NOT NULL,
    approver_roles varchar(200)   NOT NULL DEFAULT '',
    rule_version   int            NOT NULL,
    decision_id    uuid,
    status         varchar(20)    NOT NULL CHECK (status IN ('PENDING_MRB', 'POSTED', 'REJECTED')),
    comment        varchar(1000),
    proposed_by    varchar(100)   NOT NULL,
    proposed_at    timestamptz    NOT NULL,
    movement_id    bigint
);
CREATE INDEX quality_disposition_hold ON quality_disposition (hold_id, id);

CREATE TABLE quality_mrb_approval (
    disposition_id bigint        NOT NULL REFERENCES quality_disposition (id),
    role           varchar(40)   NOT NULL,
    approved_by    varchar(100)  NOT NULL,
    approved       boolean       NOT NULL,
    comment        varchar(1000),
    at             timestamptz   NOT NULL,
    PRIMARY KEY (disposition_id, role)
);
