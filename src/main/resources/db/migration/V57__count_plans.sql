-- Cycle-count plans per warehouse and day, their lines, and the event counts that feed them (DESIGN §5.2, issue 5).
-- A plan exists at most once per (warehouse, day): the primary key is what makes planning idempotent across nodes.
CREATE TABLE invgov.count_plan (
    warehouse        varchar(40)  NOT NULL,
    day              date         NOT NULL,
    capacity         integer      NOT NULL,
    rule_set_version integer,
    planned_at       timestamptz  NOT NULL,
    planned_by       varchar(100) NOT NULL,
    PRIMARY KEY (warehouse, day)
);

-- status: PLANNED (open count task), COUNTED, ROLLED_OVER (not counted by the next planning; its task ended),
-- WAITING (due but over the day's capacity; no task).
CREATE TABLE invgov.count_plan_line (
    id            uuid PRIMARY KEY,
    warehouse     varchar(40)  NOT NULL,
    day           date         NOT NULL,
    sku           varchar(40)  NOT NULL,
    location      varchar(60)  NOT NULL,
    lot           varchar(60),
    reason        varchar(30)  NOT NULL,
    due_date      date         NOT NULL,
    interval_days integer      NOT NULL,
    priority      integer      NOT NULL,
    status        varchar(20)  NOT NULL,
    task_id       varchar(64),
    count_id      uuid,
    counted_on    date,
    on_time       boolean,
    updated_at    timestamptz  NOT NULL,
    FOREIGN KEY (warehouse, day) REFERENCES invgov.count_plan (warehouse, day)
);
CREATE UNIQUE INDEX count_plan_line_pair_day ON invgov.count_plan_line (warehouse, day, sku, location);
-- never two open count tasks for one pair
CREATE UNIQUE INDEX count_plan_line_open_pair ON invgov.count_plan_line (sku, location) WHERE status = 'PLANNED';
CREATE INDEX count_plan_line_due ON invgov.count_plan_line (due_date);

-- Events that ask for a count the next day: ZERO_CONFIRMATION, INSUFFICIENT_STOCK_REFUSED, ADJUSTMENT_REJECTED.
CREATE TABLE invgov.count_event (
    id          bigserial PRIMARY KEY,
    sku         varchar(40)  NOT NULL,
    location    varchar(60)  NOT NULL,
    reason      varchar(30)  NOT NULL,
    occurred_on date         NOT NULL,
    reference   varchar(100),
    created_at  timestamptz  NOT NULL
);
CREATE INDEX count_event_pair ON invgov.count_event (sku, location, occurred_on);

-- When a pair first became countable (anchors the spread first due date of a never-counted pair).
CREATE TABLE invgov.count_pair (
    sku             varchar(40) NOT NULL,
    location        varchar(60) NOT NULL,
    countable_since date        NOT NULL,
    PRIMARY KEY (sku, location)
);
