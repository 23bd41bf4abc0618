-- Receiving (DESIGN §4, §5.3): expected receipts become the receiving module's, with what has arrived against
-- them; every receipt keeps the inspection and tolerance decisions with their rule versions.
ALTER TABLE expected_receipt
    ADD COLUMN received_quantity numeric(24, 6) NOT NULL DEFAULT 0, -- base UoM of the item
    ADD COLUMN closed            boolean        NOT NULL DEFAULT false,
    ADD COLUMN overdue_announced boolean        NOT NULL DEFAULT false, -- an ExpectedReceiptOverdue event is out
    ADD COLUMN updated_at        timestamptz    NOT NULL DEFAULT now();
CREATE INDEX expected_receipt_due ON expected_receipt (due_date, po, line);

CREATE TABLE receipt (
    id                   bigserial      PRIMARY KEY,
    po                   varchar(40),
    line                 int,
    supplier             varchar(40)    REFERENCES supplier (code),
    sku                  varchar(60)    NOT NULL REFERENCES item (sku),
    quantity             numeric(24, 6) NOT NULL, -- base UoM
    entered_quantity     numeric(24, 6) NOT NULL,
    entered_uom          varchar(20)    NOT NULL,
    lot                  varchar(60),
    serial               varchar(60),
    expires_on           date,
    location             varchar(60)    NOT NULL REFERENCES location (code),
    status               varchar(20)    NOT NULL CHECK (status IN ('INSPECTION', 'AVAILABLE')),
    inspect              boolean        NOT NULL,
    inspection_reason    varchar(40),
    inspection_version   int,
    tolerance_outcome    varchar(40),
    tolerance_version    int,
    approval             varchar(20)    NOT NULL CHECK (approval IN ('NONE', 'PENDING', 'APPROVED', 'REJECTED')),
    approved_by          varchar(100),
    inspection_result    varchar(20)    CHECK (inspection_result IN ('PASSED', 'FAILED')),
    inspected_by         varchar(100),
    putaway_location     varchar(60)    REFERENCES location (code),
    putaway_by           varchar(100),
    movement_id          bigint         NOT NULL,
    received_by          varchar(100)   NOT NULL,
    received_at          timestamptz    NOT NULL,
    unplanned            boolean        NOT NULL DEFAULT false
);
CREATE INDEX receipt_item_supplier ON receipt (sku, supplier, id);
CREATE INDEX receipt_po ON receipt (po, line);
