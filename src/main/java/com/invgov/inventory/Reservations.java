package com.invgov.inventory;

import com.invgov.api.ApiProblem;
import com.invgov.api.Conflict;
import com.invgov.api.Cursor;
import com.invgov.api.EventFeed;
import com.invgov.api.FieldProblem;
import com.invgov.api.NotFound;
import com.invgov.api.Page;
import com.invgov.api.Transactions;
import com.invgov.api.ValidationFailed;
import com.invgov.inventory.internal.BalanceKey;
import com.invgov.inventory.internal.LedgerStore;
import com.invgov.inventory.internal.MasterDataCache;
import com.invgov.inventory.internal.ReservationStore;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reservations: quantities held against AVAILABLE stock for a reference. Reserved never exceeds what is there
 * (invariant 3); a reservation that cannot be met is refused (409) and counted for the stock-out KPI.
 */
@Service
public class Reservations {

    private static final Role[] RESERVERS = {Role.OPERATOR, Role.INTEGRATION, Role.PLANNER, Role.ADMIN};

    private final ReservationStore reservations;
    private final LedgerStore ledger;
    private final MasterDataCache masterData;
    private final EventFeed events;
    private final Transactions transactions;
    private final CurrentUser user;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher publisher;

    Reservations(ReservationStore reservations, LedgerStore ledger, MasterDataCache masterData, EventFeed events,
                 Transactions transactions, CurrentUser user, Clock clock,
                 org.springframework.context.ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.reservations = reservations;
        this.ledger = ledger;
        this.masterData = masterData;
        this.events = events;
        this.transactions = transactions;
        this.user = user;
        this.clock = clock;
    }

    public Reservation reserve(ReserveCommand command) {
        user.requireAnyRole("reserve stock", RESERVERS);
        String actor = user.requireUsername();
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Item item = masterData.item(command.sku()).orElse(null);
            List<FieldProblem> errors = new ArrayList<>();
            if (item == null) {
                errors.add(new FieldProblem("sku", "unknown item " + command.sku()));
            }
            Optional<Location> location = masterData.location(command.location());
            if (location.isEmpty() || location.get().isVirtual()) {
                errors.add(new FieldProblem("location", "unknown location " + command.location()));
            }
            BigDecimal quantity = null;
            if (item != null) {
                Optional<BigDecimal> factor = item.factor(command.uom());
                if (factor.isEmpty()) {
                    errors.add(new FieldProblem("uom", "unknown UoM " + command.uom() + " for " + item.sku()));
                } else {
                    quantity = command.quantity().multiply(factor.get());
                    if (Quantities.decimals(quantity) > Quantities.MAX_DECIMALS) {
                        errors.add(new FieldProblem("quantity", "more than 6 decimals in " + item.baseUom()));
                    }
                }
                if (item.tracking() == Tracking.LOT && blank(command.lot())) {
                    errors.add(new FieldProblem("lot", "required: " + item.sku() + " is lot-tracked"));
                }
                if (item.tracking() == Tracking.SERIAL && blank(command.serial())) {
                    errors.add(new FieldProblem("serial", "required: " + item.sku() + " is serial-tracked"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationFailed("The reservation has invalid fields.", errors);
            }
            BalanceKey key = new BalanceKey(item.sku(), command.location(), orEmpty(command.lot()),
                    item.tracking() == Tracking.SERIAL ? orEmpty(command.serial()) : "", StockStatus.AVAILABLE);
            if (!ledger.reserve(key, quantity, now)) {
                BigDecimal wanted = quantity;
                BigDecimal available = ledger.available(key);
                java.util.Map<StockStatus, BigDecimal> held = ledger.notAvailable(key);
                ApiProblem refusal = held.isEmpty()
                        ? new InsufficientStock(key.sku(), key.location(), key.lot(), key.status(), wanted, available)
                        : new StockOnHold(key.sku(), key.location(), key.lot(), wanted, available, held);
                throw refusal.afterRollback(() -> {
                    ledger.recordRefusal("RESERVATION", key.sku(), key.location(), key.lot(), wanted,
                            command.reference(), actor, now);
                    publisher.publishEvent(new StockRefused("RESERVATION", key.sku(), key.location(),
                            key.lot().isEmpty() ? null : key.lot(), wanted, command.reference(), actor));
                });
            }
            long id = reservations.insert(key, quantity, command.reference(), actor, now);
            Reservation reservation = reservations.find(id, false).orElseThrow();
            events.append("StockReserved", "reservation", reservation.id(), reservation);
            return reservation;
        });
    }

    /** Releases an open reservation; releasing one that is not open is 409. */
    public Reservation release(String id) {
        user.requireAnyRole("release reservations", RESERVERS);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Reservation r = reservations.find(parse(id), true).orElseThrow(() -> new NotFound("reservation", id));
            if (!"OPEN".equals(r.status())) {
                throw new Conflict("Reservation " + id + " is " + r.status() + ", not OPEN.");
            }
            ledger.unreserve(new BalanceKey(r.sku(), r.location(), orEmpty(r.lot()), orEmpty(r.serial()),
                    StockStatus.AVAILABLE), r.quantity(), now);
            reservations.release(parse(id), now);
            Reservation released = reservations.find(parse(id), false).orElseThrow();
            events.append("ReservationReleased", "reservation", id, released);
            return released;
        });
    }

    /**
     * Releases every open reservation on AVAILABLE stock of an item at a location (lot and serial: null = any): the
     * stock is going on quality hold. The calling module has checked who may; {@code why} goes to the event feed.
     */
    public List<Reservation> releaseForHold(String sku, String location, String lot, String serial, String why) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<Reservation> released = new ArrayList<>();
            for (Reservation r : reservations.list(null, sku, true, 0, 100_000)) {
                if (!r.location().equals(location) || (lot != null && !orEmpty(lot).equals(orEmpty(r.lot())))
                        || (serial != null && !orEmpty(serial).equals(orEmpty(r.serial())))) {
                    continue;
                }
                long id = Long.parseLong(r.id());
                ledger.unreserve(new BalanceKey(r.sku(), r.location(), orEmpty(r.lot()), orEmpty(r.serial()),
                        StockStatus.AVAILABLE), r.quantity(), now);
                reservations.release(id, now);
                Reservation after = reservations.find(id, false).orElseThrow();
                events.append("ReservationReleased", "reservation", r.id(),
                        java.util.Map.of("reservation", after, "reason", why));
                released.add(after);
            }
            return released;
        });
    }

    @Transactional(readOnly = true)
    public Reservation reservation(String id) {
        return reservations.find(parse(id), false).orElseThrow(() -> new NotFound("reservation", id));
    }

    @Transactional(readOnly = true)
    public Page<Reservation> reservations(String reference, String sku, boolean openOnly, String after, int limit) {
        return Page.of(reservations.list(reference, sku, openOnly, Cursor.decodeLong(after, 0), limit + 1), limit,
                Reservation::id);
    }

    /** Reservations refused since a time (stock-out KPI). */
    @Transactional(readOnly = true)
    public long refusedReservations(Instant since) {
        return ledger.refusals("RESERVATION", since);
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound("reservation", id);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
