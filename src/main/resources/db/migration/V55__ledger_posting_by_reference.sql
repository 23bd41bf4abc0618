-- The posting path writes less and talks to the database less (issue 3 benchmark):
--  * the outbox and the idempotency keys no longer copy the movement JSON (about half of the WAL of a posting):
--    an outbox row without payload is rendered from its subject (the immutable movement) when the feed is read,
--    and an idempotency key may keep a reference to the body it answered instead of the body itself;
--  * one function inserts the movement, applies its balance changes and appends its outbox event: one round trip
--    instead of three for the common posting (no serial, no new lot, no reservation to use up).

ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;

-- "<kind>:<reference>" (see com.invgov.api.BodyReferences); body is NULL when this is set
ALTER TABLE idempotency_key ADD COLUMN body_ref text;

-- Returns the new movement's id and 0, or its id and the 1-based index of the first balance change refused for
-- insufficient stock (the caller then rolls back), or a NULL id when (actor, key) was posted before (nothing done).
CREATE FUNCTION post_movement(p_type text, p_sku text, p_quantity numeric, p_entered_quantity numeric,
                              p_entered_uom text, p_lot text, p_serial text, p_from_location text,
                              p_from_status text, p_to_location text, p_to_status text, p_reference text,
                              p_reason_code text, p_actor text, p_source_system text, p_key text,
                              p_event_time timestamptz, p_posted_at timestamptz,
                              p_b_sku text[], p_b_location text[], p_b_lot text[], p_b_serial text[],
                              p_b_status text[], p_b_delta numeric[], p_b_consumed numeric[],
                              p_b_allow_negative boolean[],
                              OUT movement_id bigint, OUT refused int)
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
BEGIN
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
END
$$;
