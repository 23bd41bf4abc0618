package com.invgov.inventory.internal;

import com.invgov.api.BodyReferences;
import com.invgov.inventory.Movement;
import com.invgov.inventory.MovementBatch;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Movements are immutable, so the outbox and the idempotency keys keep their ids, not copies of their JSON:
 * "42" for one movement, "[42,43,44]" for a batch's answer. Rendered from the ledger when read.
 */
@Component
class MovementBodies implements BodyReferences {

    private final LedgerStore store;

    MovementBodies(LedgerStore store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return "movement";
    }

    @Override
    public String referenceOf(Object body) {
        if (body instanceof Movement m) {
            return m.id();
        }
        if (body instanceof MovementBatch batch) {
            return "[" + String.join(",", batch.items().stream().map(Movement::id).toList()) + "]";
        }
        return null;
    }

    @Override
    public Object body(String reference) {
        if (reference.startsWith("[")) {
            String inner = reference.substring(1, reference.length() - 1);
            List<Long> ids = inner.isEmpty() ? List.of()
                    : Arrays.stream(inner.split(",")).map(Long::valueOf).toList();
            return new MovementBatch(complete(ids, store.movements(ids)));
        }
        long id = Long.parseLong(reference);
        return store.movement(id).orElseThrow(() -> new IllegalStateException("movement " + id + " is gone"));
    }

    @Override
    public List<?> payloads(List<String> subjectIds) {
        List<Long> ids = subjectIds.stream().map(Long::valueOf).toList();
        return complete(ids, store.movements(ids));
    }

    private static List<Movement> complete(List<Long> ids, List<Movement> found) {
        if (found.size() != ids.size()) {
            List<Long> missing = new ArrayList<>(ids);
            missing.removeAll(found.stream().map(m -> Long.valueOf(m.id())).toList());
            throw new IllegalStateException("movements " + missing + " are gone");
        }
        return found;
    }
}
