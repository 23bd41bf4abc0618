-- Production reporting, the minimum genealogy needs (issue 6 points 6-7): orders, what they consumed (ISSUE) and
-- what they produced (PRODUCE). Every component lot consumed by an order went into every lot it produced.
CREATE TABLE production_order (
    id           bigserial      PRIMARY KEY,
    sku          varchar(60)    NOT NULL REFERENCES item (sku),
    bom_revision varchar(10)    NOT NULL,
    quantity     numeric(24, 6) NOT NULL CHECK (quantity > 0),
    status       varchar(20)    NOT NULL CHECK (status IN ('OPEN', 'COMPLETED')),
    created_by   varchar(100)   NOT NULL,
    created_at   timestamptz    NOT NULL
);

CREATE TABLE production_flow (
    id          bigserial      PRIMARY KEY,
    order_id    bigint         NOT NULL REFERENCES production_order (id),
    direction   varchar(10)    NOT NULL CHECK (direction IN ('IN', 'OUT')),
    sku         varchar(60)    NOT NULL REFERENCES item (sku),
    lot         varchar(60)    NOT NULL DEFAULT '',
    serial      varchar(60)    NOT NULL DEFAULT '',
    quantity    numeric(24, 6) NOT NULL,
    movement_id bigint         NOT NULL,
    at          timestamptz    NOT NULL
);
CREATE INDEX production_flow_order ON production_flow (order_id, direction);
CREATE INDEX production_flow_lot ON production_flow (sku, lot, direction);
