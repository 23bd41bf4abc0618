-- Engineering change orders (DESIGN §4 engineering-change, §5.5 eco-routing). The BOM revisions themselves stay in
-- bom_line (production reads them for its orders); an ECO holds the proposed revision's lines until it is activated,
-- when they are written to bom_line as the ACTIVE revision and the previous one becomes SUPERSEDED.
CREATE TABLE engineering_change (
    id                  bigserial      PRIMARY KEY,
    product             varchar(60)    NOT NULL REFERENCES item (sku),
    from_revision       varchar(10),
    to_revision         varchar(10)    NOT NULL,
    effective_from      date           NOT NULL,
    reason              varchar(2000)  NOT NULL,
    status              varchar(24)    NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'PENDING_DISPOSITION',
                                                                  'SCHEDULED', 'ACTIVATED', 'REJECTED')),
    raised_by           varchar(100)   NOT NULL,
    raised_at           timestamptz    NOT NULL,
    -- the impact analysis as the approvers saw it (JSON of com.invgov.engineering.Impact)
    impact              jsonb,
    approver_roles      varchar(200),
    rule_set            varchar(60),
    rule_set_version    int,
    fired_rules         jsonb,
    decision_id         uuid,
    disposition         varchar(20)    CHECK (disposition IN ('USE_UP', 'SCRAP', 'RETURN_TO_VENDOR', 'KEEP')),
    disposition_by      varchar(100),
    disposition_note    varchar(2000),
    disposition_at      timestamptz,
    activated_at        timestamptz,
    closed_at           timestamptz
);
-- one open change per product: two changes of one BOM at once would each be analysed against a revision the
-- other replaces
CREATE UNIQUE INDEX engineering_change_open_product ON engineering_change (product)
    WHERE status IN ('PENDING_APPROVAL', 'PENDING_DISPOSITION', 'SCHEDULED');
CREATE UNIQUE INDEX engineering_change_revision ON engineering_change (product, to_revision)
    WHERE status <> 'REJECTED';
CREATE INDEX engineering_change_status ON engineering_change (status, id);

CREATE TABLE engineering_change_line (
    change_id   bigint         NOT NULL REFERENCES engineering_change (id),
    line        int            NOT NULL,
    component   varchar(60)    NOT NULL REFERENCES item (sku),
    quantity    numeric(24, 6) NOT NULL CHECK (quantity > 0),
    uom         varchar(20)    NOT NULL,
    consumption varchar(20)    NOT NULL CHECK (consumption IN ('BACKFLUSH', 'MANUAL')),
    PRIMARY KEY (change_id, line)
);

CREATE TABLE engineering_change_approval (
    change_id   bigint         NOT NULL REFERENCES engineering_change (id),
    role        varchar(40)    NOT NULL,
    approved_by varchar(100)   NOT NULL,
    approved    boolean        NOT NULL,
    comment     varchar(2000),
    at          timestamptz    NOT NULL,
    PRIMARY KEY (change_id, role),
    -- nobody decides twice on one change (segregation of duties)
    UNIQUE (change_id, approved_by)
);
