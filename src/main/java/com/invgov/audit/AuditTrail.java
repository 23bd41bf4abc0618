package com.invgov.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.invgov.api.Cursor;
import com.invgov.api.NotFound;
import com.invgov.api.Page;
import com.invgov.audit.internal.AuditStore;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The audit trail (DESIGN §7): every change to rules, processes and master data and every approval by a person.
 * A module records its change with {@link #record} inside the transaction of that change, so an entry exists
 * exactly when the change committed; entries are never changed or removed. Every role reads the trail.
 */
@Service
public class AuditTrail {

    /** The actor of an entry written while nobody is signed in (start-up work, timers). */
    public static final String SYSTEM = "system";
    /** The subject type of entries about local users. */
    public static final String USER = "user";

    private final AuditStore store;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final Clock clock;

    AuditTrail(AuditStore store, CurrentUser user, ObjectMapper json, Clock clock) {
        this.store = store;
        this.user = user;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a change made by the signed-in user, in the caller's transaction (there must be one): written only
     * if that transaction commits. {@code before} and {@code after} are any objects the application's JSON mapper
     * writes (records, maps), as the API would show them; {@code before} is null when the subject was created.
     * A change whose {@code before} equals its {@code after} (numbers compared by value: 0.26 is 0.260000) changed
     * nothing and is not recorded.
     *
     * @param action      upper-case words, e.g. {@code ITEM_CHANGED}, {@code PROCESS_DEPLOYED}
     * @param subjectType lower-case kind of the subject, e.g. {@code item}, {@code process}
     * @param note        the user's comment, if any
     * @return whether an entry was written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(String action, String subjectType, String subjectId, Object before, Object after,
                          String note) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        JsonNode was = tree(before);
        JsonNode is = tree(after);
        if (was != null && is != null && was.equals(BY_VALUE, is)) {
            return false;
        }
        store.insert(clock.instant(), user.username().orElse(SYSTEM), action, subjectType, subjectId, was, is,
                note == null || note.isBlank() ? null : note);
        return true;
    }

    /** The entries that match, newest first; {@code after} is the {@code next} of the page before. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> entries(AuditFilter filter, String after, int limit) {
        requireReader();
        long below = Cursor.decodeLong(after, Long.MAX_VALUE);
        return Page.of(store.entries(filter == null ? AuditFilter.ALL : filter, readsUsers(), below, limit + 1),
                limit, e -> Long.toString(e.id()));
    }

    @Transactional(readOnly = true)
    public AuditEntry entry(long id) {
        requireReader();
        return store.entry(id).filter(e -> readsUsers() || !USER.equals(e.subjectType()))
                .orElseThrow(() -> new NotFound("audit entry", Long.toString(id)));
    }

    /**
     * Entries about users (their roles, site, whether enabled) are for those who read the users, ADMIN and AUDITOR:
     * every other role reads the rest of the trail (DESIGN §7) but not who holds which role.
     */
    private boolean readsUsers() {
        return user.hasAnyRole(Role.ADMIN, Role.AUDITOR);
    }

    /** The actions recorded so far, for a filter's choices. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        requireReader();
        return store.actions();
    }

    /** Every role reads the audit trail (DESIGN §7: read anything, audit included). */
    private void requireReader() {
        user.requireAnyRole("read the audit trail", Role.values());
    }

    private JsonNode tree(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode node = value instanceof JsonNode n ? n : json.valueToTree(value);
        return node.isNull() || node.isMissingNode() ? null : node;
    }

    /** Nodes equal as JSON, numbers by value (a stored 0.260000 is the 0.26 written). */
    static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a instanceof NumericNode x && b instanceof NumericNode y) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };
}
