-- Counts benchmark (issue 5): two round trips less around a posting that takes stock.
--  * p_whole: a posting refused for insufficient stock changes nothing (the function undoes its own work in a
--    subtransaction), so a caller that expects refusals (an adjustment for stock lost) needs no savepoint of its
--    own: SAVEPOINT and RELEASE were a round trip each;
--  * took_last: whether a balance the movement took from is now at zero or below, or sits at a location that
--    may go negative; when false, the pairs it left still hold stock and the zero-confirmation check (DESIGN
--    §5.2) need not ask the database.
-- The 26-argument post_movement of V55 becomes a wrapper of this one (nodes of the previous release still call it
-- during a rolling update): one implementation of a posting in the database.
CREATE FUNCTION post_movement(p_type text, p_sku text, p_quantity numeric, p_entered_quantity numeric,
                              p_entered_uom text, p_lot text, p_serial text, p_from_location text,
                              p_from_status text, p_to_location text, p_to_status text, p_reference text,
                              p_reason_code text, p_actor text, p_source_system text, p_key text,
                              p_event_time timestamptz, p_posted_at timestamptz,
                              p_b_sku text[], p_b_location text[], p_b_lot text[], p_b_serial text[],
                              p_b_status text[], p_b_delta numeric[], p_b_consumed numeric[],
                              p_b_allow_negative boolean[], p_whole boolean,
                              OUT movement_id bigint, OUT refused int, OUT took_last boolean)
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
BEGIN
    took_last := false;
    IF p_whole THEN
        BEGIN
            SELECT p.movement_id, p.refused, p.took_last INTO movement_id, refused, took_last
            FROM post_movement(p_type, p_sku, p_quantity, p_entered_quantity, p_entered_uom, p_lot, p_serial,
                               p_from_location, p_from_status, p_to_location, p_to_status, p_reference,
                               p_reason_code, p_actor, p_source_system, p_key, p_event_time, p_posted_at,
                               p_b_sku, p_b_location, p_b_lot, p_b_serial, p_b_status, p_b_delta, p_b_consumed,
                               p_b_allow_negative, false) p;
            IF refused > 0 THEN
                RAISE SQLSTATE 'IG409';
            END IF;
        EXCEPTION WHEN SQLSTATE 'IG409' THEN
            -- the movement and the changes before the refused one are undone with the block
            movement_id := NULL;
            took_last := false;
        END;
        RETURN;
    END IF;
    refused := 0;
    INSERT INTO movement (type, sku, quantity, entered_quantity, entered_uom, lot, serial, from_location,
                          from_status, to_location, to_status, reference, reason_code, actor, source_system,
                          idempotency_key, event_time, posted_at)
    VALUES (p_type, p_sku, p_quantity, p_entered_quantity, p_entered_uom, p_lot, p_serial, p_from_location,
            p_from_status, p_to_location, p_to_status, p_reference, p_reason_code, p_actor, p_source_system,
            p_key, p_event_time, p_posted_at)
    ON CONFLICT (actor, idempotency_key) DO NOTHING
    RETURNING id INTO movement_id;
    IF movement_id IS NULL THEN
        RETURN;
    END IF;
    refused := apply_balance_changes(p_b_sku, p_b_location, p_b_lot, p_b_serial, p_b_status, p_b_delta,
                                     p_b_consumed, p_b_allow_negative, p_posted_at);
    IF refused > 0 THEN
        RETURN;
    END IF;
    INSERT INTO outbox_event (type, subject_type, subject_id, payload, occurred_at)
    VALUES ('MovementPosted', 'movement', movement_id::text, NULL, p_posted_at);
    -- one index look-up per change that took stock (most postings: one, or none for stock coming in)
    FOR i IN 1 .. coalesce(array_length(p_b_sku, 1), 0) LOOP
        IF p_b_delta[i] < 0 THEN
            IF p_b_allow_negative[i] THEN
                took_last := true;
                RETURN;
            END IF;
            PERFORM FROM balance
             WHERE sku = p_b_sku[i] AND location = p_b_location[i] AND lot = p_b_lot[i] AND serial = p_b_serial[i]
               AND status = p_b_status[i] AND quantity <= 0;
            IF FOUND THEN
                took_last := true;
                RETURN;
            END IF;
        END IF;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION post_movement(p_type text, p_sku text, p_quantity numeric, p_entered_quantity numeric,
                                         p_entered_uom text, p_lot text, p_serial text, p_from_location text,
                                         p_from_status text, p_to_location text, p_to_status text, p_reference text,
                                         p_reason_code text, p_actor text, p_source_system text, p_key text,
                                         p_event_time timestamptz, p_posted_at timestamptz,
                                         p_b_sku text[], p_b_location text[], p_b_lot text[], p_b_serial text[],
                                         p_b_status text[], p_b_delta numeric[], p_b_consumed numeric[],
                                         p_b_allow_negative boolean[],
                                         OUT movement_id bigint, OUT refused int)
    LANGUAGE sql
    SET search_path FROM CURRENT
AS $$
    SELECT p.movement_id, p.refused
    FROM post_movement(p_type, p_sku, p_quantity, p_entered_quantity, p_entered_uom, p_lot, p_serial,
                       p_from_location, p_from_status, p_to_location, p_to_status, p_reference, p_reason_code,
                       p_actor, p_source_system, p_key, p_event_time, p_posted_at, p_b_sku, p_b_location, p_b_lot,
                       p_b_serial, p_b_status, p_b_delta, p_b_consumed, p_b_allow_negative, false) p
$$;
