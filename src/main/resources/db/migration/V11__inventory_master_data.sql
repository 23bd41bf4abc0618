-- Inventory master data (DESIGN §3): sites, warehouses, locations, suppliers, items with UoM conversions,
-- reason codes.

CREATE TABLE site (
    code       varchar(20)  PRIMARY KEY,
    name       varchar(200) NOT NULL,
    timezone   varchar(60)  NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE warehouse (
    code       varchar(40)  PRIMARY KEY,
    site       varchar(20)  NOT NULL REFERENCES site (code),
    name       varchar(200) NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE location (
    code           varchar(60) PRIMARY KEY,
    warehouse      varchar(40) REFERENCES warehouse (code),
    type           varchar(20) NOT NULL CHECK (type IN ('RECEIVING', 'STOCK', 'STAGING', 'PRODUCTION', 'QUALITY',
                                                          'SCRAP', 'TRANSIT', 'SHIPPING', 'SUPPLIER', 'CUSTOMER',
                                                          'ADJUSTMENT', 'CONSUMED')),
    countable      boolean     NOT NULL DEFAULT false,
    allow_negative boolean     NOT NULL DEFAULT false,
    virtual        boolean     NOT NULL DEFAULT false,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT (type = 'STOCK' AND allow_negative)),
    CHECK (virtual = (type IN ('SUPPLIER', 'CUSTOMER', 'ADJUSTMENT', 'CONSUMED'))),
    CHECK (virtual OR warehouse IS NOT NULL)
);
CREATE INDEX location_warehouse ON location (warehouse, code);

-- The virtual ends of movements: stock comes from and goes to them; they hold no balances.
INSERT INTO location (code, warehouse, type, countable, allow_negative, virtual) VALUES
    ('SUPPLIER', NULL, 'SUPPLIER', false, true, true),
    ('CUSTOMER', NULL, 'CUSTOMER', false, true, true),
    ('ADJUSTMENT', NULL, 'ADJUSTMENT', false, true, true),
    ('CONSUMED', NULL, 'CONSUMED', false, true, true);

CREATE TABLE supplier (
    code       varchar(40)  PRIMARY KEY,
    name       varchar(200) NOT NULL,
    status     varchar(20)  NOT NULL CHECK (status IN ('APPROVED', 'PROBATION')),
    updated_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE item (
    sku              varchar(60)    PRIMARY KEY,
    description      varchar(500)   NOT NULL,
    base_uom         varchar(20)    NOT NULL,
    tracking         varchar(10)    NOT NULL CHECK (tracking IN ('NONE', 'LOT', 'SERIAL')),
    abc_class        char(1)        NOT NULL CHECK (abc_class IN ('A', 'B', 'C')),
    category         varchar(60),
    unit_cost        numeric(18, 6) NOT NULL DEFAULT 0 CHECK (unit_cost >= 0),
    regulated        boolean        NOT NULL DEFAULT false,
    shelf_life_days  int CHECK (shelf_life_days > 0),
    default_supplier varchar(40) REFERENCES supplier (code),
    updated_at       timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX item_category ON item (category, sku);

-- factor: how many base units one `uom` holds (BOX = 100 EA).
CREATE TABLE item_uom (
    sku    varchar(60)    NOT NULL REFERENCES item (sku) ON DELETE CASCADE,
    uom    varchar(20)    NOT NULL,
    factor numeric(24, 6) NOT NULL CHECK (factor > 0),
    PRIMARY KEY (sku, uom)
);

CREATE TABLE reason_code (
    code        varchar(40)  PRIMARY KEY,
    description varchar(200) NOT NULL,
    gl_account  varchar(40)  NOT NULL
);
INSERT INTO reason_code (code, description, gl_account) VALUES
    ('LOST', 'Lost', '5810'),
    ('FOUND', 'Found', '5810'),
    ('DAMAGED', 'Damaged', '5820'),
    ('THEFT', 'Theft', '5830'),
    ('COUNT_ERROR', 'Counting error', '5840'),
    ('UOM_ERROR', 'Unit-of-measure error', '5840'),
    ('UNREPORTED_SCRAP', 'Unreported scrap', '5820'),
    ('INTEGRATION_ERROR', 'Integration error', '5840'),
    ('SAMPLE', 'Sample taken', '5850');
