-- A balance as of a time (a count's system quantity, GET /stock/as-of) is read as the current balance less what
-- moved with a later event time, not as the sum of the pair's whole history: this index finds the later movements
-- of an item.
CREATE INDEX movement_sku_event_time ON movement (sku, event_time);
