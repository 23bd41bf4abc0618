-- Expected receipts and BOM lines of the demo plant, kept here until receiving and engineering own them.
CREATE TABLE expected_receipt (
    po        varchar(40)    NOT NULL,
    line      int            NOT NULL,
    supplier  varchar(40)    NOT NULL REFERENCES supplier (code),
    sku       varchar(60)    NOT NULL REFERENCES item (sku),
    quantity  numeric(24, 6) NOT NULL,
    uom       varchar(20)    NOT NULL,
    due_date  date           NOT NULL,
    warehouse varchar(40)    NOT NULL REFERENCES warehouse (code),
    PRIMARY KEY (po, line)
);

CREATE TABLE bom_line (
    product        varchar(60)    NOT NULL REFERENCES item (sku),
    revision       varchar(10)    NOT NULL,
    status         varchar(20)    NOT NULL,
    effective_from date           NOT NULL,
    line           int            NOT NULL,
    component      varchar(60)    NOT NULL REFERENCES item (sku),
    quantity       numeric(24, 6) NOT NULL,
    uom            varchar(20)    NOT NULL,
    consumption    varchar(20)    NOT NULL,
    PRIMARY KEY (product, revision, line)
);
