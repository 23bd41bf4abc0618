package com.invgov.inventory;

import com.invgov.api.ApiProblem;
import com.invgov.api.Cursor;
import com.invgov.api.EventFeed;
import com.invgov.api.FieldProblem;
import com.invgov.api.Page;
import com.invgov.api.Transactions;
import com.invgov.api.ValidationFailed;
import com.invgov.inventory.internal.HeldStock;
import com.invgov.inventory.internal.LedgerStore;
import com.invgov.inventory.internal.MasterDataCache;
import com.invgov.inventory.internal.MovementRules;
import com.invgov.inventory.internal.ResolvedMovement;
import com.invgov.inventory.internal.StockPosting;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stock ledger: posts movements and keeps balances in the same transaction (DESIGN §3). Every posting
 * takes its balance rows in one global order and retries transient conflicts, so concurrent postings never
 * lose an update, never go below zero where not allowed, never over-commit reservations, and never post one
 * (actor, idempotency key) twice.
 */
@Service
public class Ledger {

    public static final int MAX_BATCH = 1000;
    private static final Role[] POSTERS = {Role.OPERATOR, Role.INTEGRATION, Role.ADMIN};

    private final LedgerStore store;
    private final StockPosting stock;
    private final MovementRules rules;
    private final MasterDataCache cache;
    private final EventFeed events;
    private final Transactions transactions;
    private final CurrentUser user;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate nested;

    Ledger(LedgerStore store, StockPosting stock, MasterDataCache cache, EventFeed events,
           Transactions transactions, CurrentUser user, Clock clock, ApplicationEventPublisher publisher,
           PlatformTransactionManager transactionManager) {
        this.nested = new TransactionTemplate(transactionManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.publisher = publisher;
        this.store = store;
        this.stock = stock;
        this.cache = cache;
        this.rules = new MovementRules(cache::item, cache::location, cache::reasonCodeExists);
        this.events = events;
        this.transactions = transactions;
        this.user = user;
        this.clock = clock;
    }

    /**
     * Posts a movement for the signed-in user (OPERATOR, INTEGRATION or ADMIN). ADJUSTMENT is refused (422):
     * adjustments come only from approved adjustment requests, through {@link #post(MovementCommand, Posting)}.
     * Held stock is refused (409 conflict, see {@link HeldStock}) except to an ADMIN correcting the books.
     */
    public Movement postAsCurrentUser(MovementCommand command, String idempotencyKey) {
        user.requireAnyRole("post movements", POSTERS);
        refuseAdjustment(command, "");
        refuseHeldStock(command, "");
        return post(command, new Posting(user.requireUsername(), command.sourceSystem(),
                clientKey(CLIENT_KEY, idempotencyKey)));
    }

    /**
     * The ledger's key of a client's movement (or batch): kept apart from the keys modules derive for their own
     * postings ({@code receipt:…}, {@code hold:…}, {@code adjustment:…}) and from a batch's ({@code <key>#<index>}),
     * so that no key a client sends can name a posting made for another request (a single movement with the key
     * {@code K#0} found the first movement of batch {@code K}; one with {@code receipt:X} the goods of receipt X).
     */
    private static String clientKey(String namespace, String key) {
        return key == null ? null : namespace + key;
    }

    private static final String CLIENT_KEY = "api:";
    private static final String CLIENT_BATCH_KEY = "api-batch:";

    /** All or nothing: up to {@value #MAX_BATCH} movements for the signed-in user. */
    public List<Movement> postBatchAsCurrentUser(List<MovementCommand> commands, String idempotencyKey) {
        user.requireAnyRole("post movements", POSTERS);
        for (int i = 0; i < commands.size(); i++) {
            refuseAdjustment(commands.get(i), "movements[" + i + "].");
            refuseHeldStock(commands.get(i), "movements[" + i + "]: ");
        }
        return postBatch(commands, new Posting(user.requireUsername(), null, clientKey(CLIENT_BATCH_KEY,
                idempotencyKey)));
    }

    /**
     * Posts any movement type, ADJUSTMENT included, for the given actor; the calling module has checked who may.
     * A (actor, key) posted before returns the movement posted then, and changes nothing.
     */
    public Movement post(MovementCommand command, Posting posting) {
        return transactions.inTransaction(() -> {
            Instant now = now();
            return posted(rules.resolve(command, now, ""), posting, now, false).orElseThrow();
        });
    }

    /**
     * {@link #post(MovementCommand, Posting)} for a caller that expects a refusal for insufficient stock and
     * carries on: such a refusal — also when the stock is there but on hold — changes nothing and comes back empty
     * (no savepoint needed around the call; the refusal is not counted as an event — the caller decides what it
     * means).
     */
    public Optional<Movement> postUnlessShort(MovementCommand command, Posting posting) {
        return transactions.inTransaction(() -> {
            Instant now = now();
            ResolvedMovement m = rules.resolve(command, now, "");
            if (stock.balancesOnly(m)) {
                return posted(m, posting, now, true);
            }
            if (m.from().isVirtual()) {
                // takes stock from nowhere (a serial or a new lot coming in): never short, no savepoint
                return posted(m, posting, now, false);
            }
            try {
                return Optional.of(nested.execute(status -> posted(m, posting, now, false).orElseThrow()));
            } catch (InsufficientStock | StockOnHold e) {
                return Optional.empty();
            }
        });
    }

    /** Empty only when {@code whole} and refused for insufficient or held stock (then nothing changed). */
    private Optional<Movement> posted(ResolvedMovement m, Posting posting, Instant now, boolean whole) {
        Long id;
        boolean tookLast = true;
        if (stock.balancesOnly(m)) {
            // the common posting: movement, balances and outbox event in one round trip
            List<LedgerStore.Change> changes = stock.changes(List.of(m), java.util.Map.of());
            // only a change that takes stock can be refused: stock coming in needs no undo
            boolean takes = changes.stream().anyMatch(c -> c.delta().signum() < 0);
            LedgerStore.Posted posted = store.post(m, posting, now, changes, whole && takes);
            if (posted.refused() >= 0) {
                ApiProblem refusal = stock.refusal(changes.get(posted.refused()), posting.actor(), now,
                        List.of(m));
                if (whole && (refusal instanceof InsufficientStock || refusal instanceof StockOnHold)) {
                    return Optional.empty();
                }
                throw refusal;
            }
            id = posted.id();
            tookLast = posted.tookLast();
        } else {
            id = store.insert(m, posting, now).orElse(null);
            if (id != null) {
                stock.apply(List.of(m), posting.actor(), now);
                events.appendReference("MovementPosted", "movement", String.valueOf(id));
            }
        }
        if (id == null) {
            Movement earlier = store.movementByKey(posting.actor(), posting.idempotencyKey()).orElseThrow();
            if (!sameMovement(earlier, m)) {
                // a key is one request: another movement under it is refused, not answered with the one posted then
                throw new ApiProblem(com.invgov.api.ProblemType.IDEMPOTENCY_CONFLICT, "Movement " + earlier.id()
                        + " was posted under this Idempotency-Key, for another movement.");
            }
            return Optional.of(earlier);
        }
        Movement movement = movement(id, m, posting, now);
        publisher.publishEvent(new MovementPosted(movement.id(), movement, tookLast));
        return Optional.of(movement);
    }

    /** Whether a movement posted earlier under a key is the one now asked for (its event time may differ). */
    private static boolean sameMovement(Movement earlier, ResolvedMovement m) {
        return earlier.type() == m.type() && earlier.sku().equals(m.item().sku())
                && earlier.quantity().compareTo(m.quantity()) == 0
                && java.util.Objects.equals(emptyToNull(earlier.lot()), emptyToNull(m.lot()))
                && java.util.Objects.equals(emptyToNull(earlier.serial()), emptyToNull(m.serial()))
                && earlier.from().location().equals(m.from().code()) && earlier.from().status() == m.fromStatus()
                && earlier.to().location().equals(m.to().code()) && earlier.to().status() == m.toStatus();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Posts up to {@value #MAX_BATCH} movements all or nothing, as their net change per balance. */
    public List<Movement> postBatch(List<MovementCommand> commands, Posting posting) {
        if (commands.isEmpty() || commands.size() > MAX_BATCH) {
            throw ValidationFailed.badRequest("A batch holds 1 to " + MAX_BATCH + " movements.",
                    List.of(new FieldProblem("movements", "1 to " + MAX_BATCH + " movements")));
        }
        return transactions.inTransaction(() -> {
            Instant now = now();
            List<ResolvedMovement> resolved = new ArrayList<>(commands.size());
            List<FieldProblem> errors = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                try {
                    resolved.add(rules.resolve(commands.get(i), now, "movements[" + i + "]."));
                } catch (ValidationFailed e) {
                    errors.addAll(e.errors());
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationFailed("Movements of the batch break the rules of movement; nothing was posted.",
                        errors);
            }
            List<Long> ids = store.insertAll(resolved, posting, now);
            stock.apply(resolved, posting.actor(), now);
            List<Movement> movements = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                Movement movement = movement(ids.get(i), resolved.get(i), posting, now);
                movements.add(movement);
            }
            events.appendReferences("MovementPosted", "movement", movements.stream().map(Movement::id).toList());
            movements.forEach(movement -> publisher.publishEvent(new MovementPosted(movement.id(), movement)));
            return movements;
        });
    }

    /**
     * Posts the movements of one decision all or nothing, for a caller that carries on when the ledger refuses them:
     * a refusal for insufficient stock or for a serial that is somewhere else changes nothing and comes back empty.
     * More than {@value #MAX_BATCH} movements go in several batches (keys {@code <key>#<batch>#<index>}), still all or
     * nothing. Stock on hold is refused as in {@link #post(MovementCommand, Posting)}.
     */
    public Optional<List<Movement>> postAllUnlessRefused(List<MovementCommand> commands, Posting posting) {
        return transactions.inTransaction(() -> {
            try {
                return Optional.of(nested.execute(status -> {
                    List<Movement> movements = new ArrayList<>(commands.size());
                    for (int from = 0; from < commands.size(); from += MAX_BATCH) {
                        List<MovementCommand> batch = commands.subList(from,
                                Math.min(commands.size(), from + MAX_BATCH));
                        String key = commands.size() <= MAX_BATCH ? posting.idempotencyKey()
                                : posting.idempotencyKey() + "#" + from / MAX_BATCH;
                        movements.addAll(postBatch(batch, new Posting(posting.actor(), posting.sourceSystem(), key)));
                    }
                    return movements;
                }));
            } catch (InsufficientStock | SerialElsewhere e) {
                return Optional.empty();
            }
        });
    }

    @Transactional(readOnly = true)
    public Movement movement(String id) {
        try {
            return store.movement(Long.parseLong(id)).orElseThrow(() -> new com.invgov.api.NotFound("movement", id));
        } catch (NumberFormatException e) {
            throw new com.invgov.api.NotFound("movement", id);
        }
    }

    /** The ledger, oldest first, optionally of one item and/or one location (either end). */
    @Transactional(readOnly = true)
    public Page<Movement> movements(String sku, String location, String after, int limit) {
        long afterId = Cursor.decodeLong(after, 0);
        return Page.of(store.movements(sku, location, afterId, limit + 1, false), limit, Movement::id);
    }

    /** The ledger newest first (for the console). */
    @Transactional(readOnly = true)
    public List<Movement> latestMovements(String sku, String location, int offset, int limit) {
        // newest first by id; offset paging is fine for the console's page sizes
        List<Movement> rows = store.movements(sku, location, Long.MAX_VALUE, offset + limit, true);
        return rows.subList(Math.min(offset, rows.size()), rows.size());
    }

    /** Balances of real locations with stock or reservations, in key order, with a cursor. */
    @Transactional(readOnly = true)
    public Page<Balance> stock(StockFilter filter, String after, int limit) {
        String[] key = Cursor.decodeKey(after, 5);
        return Page.of(store.stock(filter, key, 0, limit + 1), limit, b -> String.join("\u001f", b.sku(), b.location(),
                b.lot() == null ? "" : b.lot(), b.serial() == null ? "" : b.serial(), b.status().name()));
    }

    /** A slice of the stock by offset: the console's lazy grid. */
    @Transactional(readOnly = true)
    public List<Balance> stockSlice(StockFilter filter, int offset, int limit) {
        return store.stock(filter, null, offset, limit);
    }

    /**
     * The balances after {@code after} in key order (keyset paging; null = from the start), skipping {@code skip}
     * of them first: the console's lazy grid continues from the last row it has instead of counting rows again.
     */
    @Transactional(readOnly = true)
    public List<Balance> stockAfter(StockFilter filter, Balance after, int skip, int limit) {
        String[] key = after == null ? null : new String[]{after.sku(), after.location(),
                after.lot() == null ? "" : after.lot(), after.serial() == null ? "" : after.serial(),
                after.status().name()};
        return store.stock(filter, key, skip, limit);
    }

    /**
     * Of these (sku, location) pairs ({@code List.of(sku, location)}), the ones at a countable STOCK location that
     * now holds nothing of the item, every lot and status: one read for all of them (unlike {@link #balanceAsOf},
     * which sums a pair's movements).
     */
    @Transactional(readOnly = true)
    public java.util.Set<List<String>> emptyCountablePairs(java.util.Collection<List<String>> pairs) {
        if (pairs.isEmpty()) {
            return java.util.Set.of();
        }
        List<String> skus = pairs.stream().map(p -> p.get(0)).toList();
        List<String> locations = pairs.stream().map(p -> p.get(1)).toList();
        return store.emptyCountablePairs(skus, locations);
    }

    /**
     * The balance of (item, location, lot, status) as of {@code asOf}: every movement with {@code eventTime ≤ asOf},
     * whenever it was posted. {@code lot} null = all lots; {@code status} null = all statuses (what a count sees).
     */
    @Transactional(readOnly = true)
    public BigDecimal balanceAsOf(String sku, String location, String lot, StockStatus status, Instant asOf) {
        // a stock location keeps balances (invariant 1: balance = Σ movements), so only the movements after asOf
        // are read; a virtual one (supplier, customer, production) has no balance and is summed from its history
        boolean keepsBalances = cache.location(location).map(l -> !l.isVirtual()).orElse(false);
        return keepsBalances ? store.balanceLessLaterMovements(sku, location, lot, status, asOf)
                : store.balanceAsOf(sku, location, lot, status, asOf);
    }

    /**
     * Holds off postings on a pair's balances until this transaction ends, and lets the next read (a
     * {@link #balanceAsOf}) see every posting on them that was in flight: a count's variance is then not read a
     * moment before a movement it already saw on the floor commits (which would post that movement twice). No round
     * trip of its own: sent with the next query.
     */
    public void holdPostingsOf(String sku, String location) {
        store.lockBalances(sku, location);
    }

    /**
     * The serial numbers of an item at a location (and lot, if given), in every status, as of {@code asOf} (every
     * movement with {@code eventTime ≤ asOf}, whenever it was posted), sorted, each with its lot and the status it is
     * in there now: what a count of a serial-tracked item is compared with.
     */
    @Transactional(readOnly = true)
    public java.util.SortedMap<String, SerialAt> serialsAsOf(String sku, String location, String lot, Instant asOf) {
        boolean keepsBalances = cache.location(location).map(l -> !l.isVirtual()).orElse(false);
        return store.serialsAsOf(sku, location, lot == null || lot.isBlank() ? null : lot, asOf, keepsBalances);
    }

    /**
     * Which of these serial numbers of an item moved anywhere with an event time after {@code since}: an adjustment
     * dated {@code since} that moves one of them would contradict what the ledger says happened to it afterwards.
     */
    @Transactional(readOnly = true)
    public java.util.Set<String> serialsMovedSince(String sku, java.util.Collection<String> serials, Instant since) {
        return serials.isEmpty() ? java.util.Set.of() : store.serialsMovedSince(sku, serials, since);
    }

    /** Where in the plant these serial numbers of an item are now (those outside it, or unknown, are absent). */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> serialLocations(String sku, java.util.Collection<String> serials) {
        return serials.isEmpty() ? java.util.Map.of() : store.serialLocations(sku, serials);
    }

    /** Lots, optionally of one item, with their expiry. */
    @Transactional(readOnly = true)
    public Page<Lot> lots(String sku, String after, int limit) {
        return Page.of(store.lots(sku, key(after), limit + 1), limit, l -> l.sku() + "\u001f" + l.lot());
    }

    /** A lot of an item, with its expiry, if there is one; its row locked for the rest of the transaction. */
    @Transactional
    public Optional<Lot> lockLot(String sku, String lot) {
        return store.lockLot(sku, lot);
    }

    /**
     * Gives a lot the expiry printed on it (a receipt's typed or scanned one), in place of the one its item's shelf
     * life gave it when it was created.
     */
    @Transactional
    public void recordLotExpiry(String sku, String lot, java.time.LocalDate expiresOn) {
        store.lotExpiry(sku, lot, expiresOn);
    }

    /** Serial-numbered units and where they are. */
    @Transactional(readOnly = true)
    public Page<SerialNumber> serials(String sku, String location, String after, int limit) {
        return Page.of(store.serials(sku, location, key(after), limit + 1), limit,
                s -> s.sku() + "\u001f" + s.serial());
    }

    /** Postings refused for insufficient stock since a time (stock-out KPI). */
    @Transactional(readOnly = true)
    public long refusedPostings(Instant since) {
        return store.refusals("POSTING", since);
    }

    /** A two-part (item, lot or serial) cursor's position as the store reads it; one the API did not give out: 400. */
    private static String key(String after) {
        String[] key = Cursor.decodeKey(after, 2);
        return key == null ? null : String.join("\u001f", key);
    }

    private static void refuseAdjustment(MovementCommand command, String prefix) {
        if (command.type() == MovementType.ADJUSTMENT) {
            throw new ValidationFailed("ADJUSTMENT movements come only from approved adjustments.",
                    List.of(new FieldProblem(prefix + "type", "ADJUSTMENT cannot be posted here")));
        }
    }

    /**
     * Held stock (QUARANTINE, INSPECTION, BLOCKED) changes only through the quality and receiving modules, which keep
     * its books; an ADMIN may still correct the ledger (opening balances, repairs), knowing those books do not follow.
     */
    private void refuseHeldStock(MovementCommand command, String prefix) {
        if (user.hasAnyRole(Role.ADMIN)) {
            return;
        }
        HeldStock.refusal(command).ifPresent(why -> {
            throw new com.invgov.api.Conflict(prefix + why);
        });
    }

    /** To the microsecond, as the database keeps it: an answer rebuilt from the ledger is the same answer. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The movement as posted: equal to what the ledger gives back for it (idempotent replays, the event feed). */
    private static Movement movement(long id, ResolvedMovement m, Posting posting, Instant postedAt) {
        return new Movement(String.valueOf(id), m.type(), m.item().sku(), m.quantity(), m.item().baseUom(),
                Quantities.plain(m.enteredQuantity()), m.enteredUom(), m.lot().isEmpty() ? null : m.lot(),
                m.serial().isEmpty() ? null : m.serial(), new Place(m.from().code(), m.fromStatus()),
                new Place(m.to().code(), m.toStatus()), m.reference(), m.reasonCode(), m.eventTime(), postedAt,
                posting.actor(), posting.sourceSystem());
    }

}
