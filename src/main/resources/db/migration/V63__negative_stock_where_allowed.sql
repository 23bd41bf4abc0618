-- A location that allows negative stock (DESIGN §3: allowNegative, e.g. a production line consuming ahead of its
-- reported receipts) took only the first posting below zero: once its balance row existed, the upsert's guard
-- (quantity after the change at least the reserved quantity, or stock coming in) refused every later one, and a
-- balance back at zero refused -1 too. The guard now lets such a location go below zero, as the insert already did.
CREATE OR REPLACE FUNCTION apply_balance_changes(p_sku text[], p_location text[], p_lot text[], p_serial text[],
                                      p_status text[], p_delta numeric[], p_consumed numeric[],
                                      p_allow_negative boolean[], p_now timestamptz)
    RETURNS int
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
DECLARE
    i       int;
    changed int;
BEGIN
    FOR i IN 1 .. coalesce(array_length(p_sku, 1), 0) LOOP
        IF p_consumed[i] = 0 AND (p_delta[i] > 0 OR p_allow_negative[i]) THEN
            INSERT INTO balance (sku, location, lot, serial, status, quantity, reserved, updated_at)
            VALUES (p_sku[i], p_location[i], p_lot[i], p_serial[i], p_status[i], p_delta[i], 0, p_now)
            ON CONFLICT (sku, location, lot, serial, status) DO UPDATE
                SET quantity = balance.quantity + excluded.quantity, updated_at = excluded.updated_at
                WHERE balance.quantity + excluded.quantity >= balance.reserved OR excluded.quantity > 0
                   OR p_allow_negative[i];
        ELSE
            UPDATE balance
               SET quantity = quantity + p_delta[i], reserved = reserved - p_consumed[i], updated_at = p_now
             WHERE sku = p_sku[i] AND location = p_location[i] AND lot = p_lot[i] AND serial = p_serial[i]
               AND status = p_status[i] AND reserved >= p_consumed[i]
               AND quantity - (reserved - p_consumed[i]) >= -p_delta[i];
        END IF;
        GET DIAGNOSTICS changed = ROW_COUNT;
        IF changed = 0 THEN
            RETURN i;
        END IF;
    END LOOP;
    RETURN 0;
END
$$;
