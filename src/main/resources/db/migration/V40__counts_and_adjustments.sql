-- Counts, adjustment requests and their approvals (DESIGN §5.1, issue 5).
CREATE TABLE invgov.adjustment (
    id                uuid PRIMARY KEY,
    status            varchar(20)    NOT NULL,
    sku               varchar(40)    NOT NULL,
    location          varchar(60)    NOT NULL,
    lot               varchar(60),
    source            varchar(20)    NOT NULL,
    reason_code       varchar(40)    NOT NULL,
    note              text,
    event_time        timestamptz    NOT NULL,
    system_qty        numeric(24, 6) NOT NULL,
    counted_qty       numeric(24, 6) NOT NULL,
    quantity_delta    numeric(24, 6) NOT NULL,
    value             numeric(24, 6) NOT NULL,
    diff_pct          numeric        NOT NULL,
    recount_done      boolean        NOT NULL DEFAULT false,
    outcome           varchar(20)    NOT NULL,
    approver_roles    text           NOT NULL DEFAULT '',
    rule_set          varchar(60)    NOT NULL,
    rule_set_version  integer        NOT NULL,
    fired_rules       text           NOT NULL DEFAULT '',
    requested_by      varchar(100)   NOT NULL,
    counters          text           NOT NULL DEFAULT '',
    count_id          uuid,
    movement_id       varchar(40),
    escalated         boolean        NOT NULL DEFAULT false,
    created_at        timestamptz    NOT NULL,
    updated_at        timestamptz    NOT NULL
);
CREATE INDEX adjustment_pair ON invgov.adjustment (sku, location);
CREATE INDEX adjustment_status ON invgov.adjustment (status);

CREATE TABLE invgov.adjustment_approval (
    adjustment_id uuid         NOT NULL REFERENCES invgov.adjustment (id),
    seq           serial,
    role          varchar(40)  NOT NULL,
    approved_by   varchar(100) NOT NULL,
    approved      boolean      NOT NULL,
    comment       text,
    at            timestamptz  NOT NULL,
    PRIMARY KEY (adjustment_id, seq)
);

CREATE TABLE invgov.count_result (
    id              uuid PRIMARY KEY,
    sku             varchar(40)    NOT NULL,
    location        varchar(60)    NOT NULL,
    lot             varchar(60),
    counted_qty     numeric(24, 6) NOT NULL,
    entered_qty     numeric(24, 6) NOT NULL,
    entered_uom     varchar(20)    NOT NULL,
    count_task_id   varchar(64),
    recount_of      uuid,
    event_time      timestamptz    NOT NULL,
    counted_by      varchar(100)   NOT NULL,
    system_qty      numeric(24, 6) NOT NULL,
    diff_qty        numeric(24, 6) NOT NULL,
    within_tolerance boolean       NOT NULL,
    outcome         varchar(20)    NOT NULL,
    adjustment_id   uuid,
    created_at      timestamptz    NOT NULL
);
CREATE INDEX count_result_pair ON invgov.count_result (sku, location, event_time);
