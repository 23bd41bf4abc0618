-- Receiving fixes. An expected receipt keeps its quantity in the item's base UoM as of the change that set it, so a
-- UoM conversion changed or removed later does not move what is expected (null for lines written outside the API,
-- e.g. the demo loader: those read the current conversion).
ALTER TABLE expected_receipt ADD COLUMN expected_base numeric(24, 6);
UPDATE expected_receipt e SET expected_base = e.quantity * u.factor
  FROM item_uom u WHERE u.sku = e.sku AND u.uom = e.uom;
UPDATE expected_receipt e SET expected_base = e.quantity
  FROM item i WHERE i.sku = e.sku AND i.base_uom = e.uom AND e.expected_base IS NULL;

-- A receipt says where its stock is: QUARANTINE once a failed inspection put it on hold.
ALTER TABLE receipt DROP CONSTRAINT receipt_status_check;
ALTER TABLE receipt ADD CONSTRAINT receipt_status_check CHECK (status IN ('INSPECTION', 'AVAILABLE', 'QUARANTINE'));

-- The roles the receipt-tolerance decision named to approve an over-receipt (comma-separated; null: PLANNER).
ALTER TABLE receipt ADD COLUMN approver_roles varchar(200);
