package com.invgov.inventory.internal;

import com.invgov.api.FieldProblem;
import com.invgov.api.ValidationFailed;
import com.invgov.inventory.Item;
import com.invgov.inventory.Location;
import com.invgov.inventory.LocationType;
import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.Quantities;
import com.invgov.inventory.StockStatus;
import com.invgov.inventory.Tracking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rules of movement (DESIGN §3, §6.1), free of Spring and the database: which ends a type takes, statuses,
 * lots and serials, UoM conversion to the base UoM, quantity limits. Refusals collect every field error.
 */
public final class MovementRules {

    /** Event times up to this far ahead of the server's clock are taken (clock skew of scanners). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private static final Set<MovementType> SAME_STATUS = EnumSet.of(MovementType.PUTAWAY, MovementType.TRANSFER,
            MovementType.TRANSFER_SHIP, MovementType.TRANSFER_RECEIVE);

    private final Function<String, Optional<Item>> items;
    private final Function<String, Optional<Location>> locations;
    private final Predicate<String> reasonCodes;

    public MovementRules(Function<String, Optional<Item>> items, Function<String, Optional<Location>> locations,
                         Predicate<String> reasonCodes) {
        this.items = items;
        this.locations = locations;
        this.reasonCodes = reasonCodes;
    }

    /** Checks a movement; {@code prefix} names it in field errors ("" or "movements[3]."). */
    public ResolvedMovement resolve(MovementCommand m, Instant now, String prefix) {
        List<FieldProblem> errors = new ArrayList<>();
        if (m.type() == null) {
            throw refused(prefix, "type", "required");
        }
        Item item = null;
        if (m.sku() == null || m.sku().isBlank()) {
            errors.add(new FieldProblem(prefix + "sku", "required"));
        } else {
            item = items.apply(m.sku()).orElse(null);
            if (item == null) {
                errors.add(new FieldProblem(prefix + "sku", "unknown item " + m.sku()));
            }
        }
        BigDecimal base = quantity(m, item, prefix, errors);
        String lot = blankToEmpty(m.lot());
        String serial = blankToEmpty(m.serial());
        if (item != null) {
            tracking(item, lot, serial, base, prefix, errors);
        }
        Ends ends = ends(m, prefix, errors);
        if (m.reasonCode() != null && !reasonCodes.test(m.reasonCode())) {
            errors.add(new FieldProblem(prefix + "reasonCode", "unknown reason code " + m.reasonCode()));
        }
        if (m.type() == MovementType.ADJUSTMENT && m.reasonCode() == null) {
            errors.add(new FieldProblem(prefix + "reasonCode", "required for adjustments"));
        }
        // to the microsecond, as the ledger keeps it (the answer to a posting is what the ledger shows after)
        Instant eventTime = (m.eventTime() == null ? now : m.eventTime()).truncatedTo(ChronoUnit.MICROS);
        if (eventTime.isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldProblem(prefix + "eventTime", "is in the future"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("The movement breaks the rules of movement.", errors);
        }
        return new ResolvedMovement(m.type(), item, base, m.quantity(), m.uom(), lot, serial, ends.from,
                ends.fromStatus, ends.to, ends.toStatus, m.reference(), m.reasonCode(), eventTime, m.sourceSystem());
    }

    private static BigDecimal quantity(MovementCommand m, Item item, String prefix, List<FieldProblem> errors) {
        String problem = Quantities.problem(m.quantity());
        if (problem != null) {
            errors.add(new FieldProblem(prefix + "quantity", problem));
            return null;
        }
        if (m.uom() == null || m.uom().isBlank()) {
            errors.add(new FieldProblem(prefix + "uom", "required"));
            return null;
        }
        if (item == null) {
            return null;
        }
        Optional<BigDecimal> factor = item.factor(m.uom());
        if (factor.isEmpty()) {
            errors.add(new FieldProblem(prefix + "uom", "unknown UoM " + m.uom() + " for " + item.sku()
                    + " (base " + item.baseUom() + ")"));
            return null;
        }
        BigDecimal base = m.quantity().multiply(factor.get());
        if (Quantities.decimals(base) > Quantities.MAX_DECIMALS) {
            errors.add(new FieldProblem(prefix + "quantity", "more than 6 decimals in " + item.baseUom()));
            return null;
        }
        if (base.compareTo(Quantities.MAX) > 0) {
            // the limit is on what the ledger keeps: 10^12 BOX of 100 would be 10^14 EA
            errors.add(new FieldProblem(prefix + "quantity", "more than 10^12 " + item.baseUom()));
            return null;
        }
        return base.stripTrailingZeros().scale() < 0 ? base.setScale(0) : base.stripTrailingZeros();
    }

    private static void tracking(Item item, String lot, String serial, BigDecimal base, String prefix,
                                 List<FieldProblem> errors) {
        item.lotProblem(lot).ifPresent(problem -> errors.add(new FieldProblem(prefix + "lot", problem)));
        if (Item.hasControlCharacter(serial)) {
            errors.add(new FieldProblem(prefix + "serial", Item.CONTROL_CHARACTERS));
        } else if (item.tracking() == Tracking.SERIAL) {
            if (serial.isEmpty()) {
                errors.add(new FieldProblem(prefix + "serial", "required: " + item.sku() + " is serial-tracked"));
            }
            if (base != null && base.compareTo(BigDecimal.ONE) != 0) {
                errors.add(new FieldProblem(prefix + "quantity", "a serial moves one unit at a time"));
            }
        } else if (!serial.isEmpty()) {
            errors.add(new FieldProblem(prefix + "serial", item.sku() + " is not serial-tracked"));
        }
    }

    private record Ends(Location from, StockStatus fromStatus, Location to, StockStatus toStatus) {
    }

    private Ends ends(MovementCommand m, String prefix, List<FieldProblem> errors) {
        Location from = end(m.type(), m.from(), true, prefix + "from", errors);
        Location to = end(m.type(), m.to(), false, prefix + "to", errors);
        StockStatus fromStatus = m.from() == null || m.from().status() == null ? StockStatus.AVAILABLE : m.from().status();
        StockStatus toStatus = m.to() == null || m.to().status() == null
                ? (SAME_STATUS.contains(m.type()) ? fromStatus : StockStatus.AVAILABLE) : m.to().status();
        if (from == null || to == null) {
            return new Ends(from, fromStatus, to, toStatus);
        }
        switch (m.type()) {
            case ISSUE, SHIP -> {
                if (fromStatus != StockStatus.AVAILABLE) {
                    errors.add(new FieldProblem(prefix + "from.status", "only AVAILABLE stock can be " +
                            (m.type() == MovementType.SHIP ? "shipped" : "issued")));
                }
            }
            case STATUS_CHANGE -> {
                if (!from.code().equals(to.code())) {
                    errors.add(new FieldProblem(prefix + "to.location", "a status change stays at its location"));
                }
                if (fromStatus == toStatus) {
                    errors.add(new FieldProblem(prefix + "to.status", "a status change changes the status"));
                }
            }
            default -> {
            }
        }
        if (m.type() == MovementType.ADJUSTMENT && from.isVirtual() == to.isVirtual()) {
            errors.add(new FieldProblem(prefix + "to", "an adjustment has exactly one of from and to"));
        }
        if (SAME_STATUS.contains(m.type()) && fromStatus != toStatus) {
            errors.add(new FieldProblem(prefix + "to.status", m.type() + " keeps the status; use STATUS_CHANGE"));
        }
        if (m.type() != MovementType.STATUS_CHANGE && !from.isVirtual() && from.code().equals(to.code())) {
            errors.add(new FieldProblem(prefix + "to.location", "from and to are the same location"));
        }
        return new Ends(from, fromStatus, to, toStatus);
    }

    /**
     * One end: a real location the client named, or the type's virtual location when the table of §6.1 says
     * "—". Returns null when refused (the error is recorded).
     */
    private Location end(MovementType type, Place place, boolean isFrom, String field, List<FieldProblem> errors) {
        EndRule rule = EndRule.of(type, isFrom, place);
        if (place == null || place.location() == null || place.location().isBlank()) {
            if (rule.virtualWhenAbsent == null) {
                errors.add(new FieldProblem(field + ".location", "required for " + type));
                return null;
            }
            return virtual(rule.virtualWhenAbsent);
        }
        if (rule.mustBeAbsent) {
            errors.add(new FieldProblem(field, type + " takes no " + (isFrom ? "from" : "to") + " location"));
            return null;
        }
        Optional<Location> location = locations.apply(place.location());
        if (location.isEmpty()) {
            errors.add(new FieldProblem(field + ".location", "unknown location " + place.location()));
            return null;
        }
        if (location.get().isVirtual()) {
            errors.add(new FieldProblem(field + ".location", place.location() + " is virtual; leave it out"));
            return null;
        }
        if (rule.requiredType != null && location.get().type() != rule.requiredType) {
            errors.add(new FieldProblem(field + ".location", "must be a " + rule.requiredType + " location for " + type));
            return null;
        }
        return location.get();
    }

    private static Location virtual(LocationType type) {
        return new Location(type.virtualCode(), null, type, false, true);
    }

    /** The table "which ends a type takes" of DESIGN §6.1, for one end. */
    private record EndRule(boolean mustBeAbsent, LocationType virtualWhenAbsent, LocationType requiredType) {
        static EndRule of(MovementType type, boolean isFrom, Place place) {
            return switch (type) {
                case RECEIPT -> isFrom ? new EndRule(true, LocationType.SUPPLIER, null) : required();
                case PUTAWAY, TRANSFER, STATUS_CHANGE -> required();
                case TRANSFER_SHIP -> isFrom ? required() : new EndRule(false, null, LocationType.TRANSIT);
                case TRANSFER_RECEIVE -> isFrom ? new EndRule(false, null, LocationType.TRANSIT) : required();
                case ISSUE -> isFrom ? required() : new EndRule(false, LocationType.CONSUMED, LocationType.PRODUCTION);
                case PRODUCE -> isFrom ? new EndRule(false, LocationType.CONSUMED, LocationType.PRODUCTION) : required();
                case SCRAP -> isFrom ? required() : new EndRule(false, LocationType.CONSUMED, LocationType.SCRAP);
                case SHIP -> isFrom ? required() : new EndRule(true, LocationType.CUSTOMER, null);
                case RETURN_TO_VENDOR -> isFrom ? required() : new EndRule(true, LocationType.SUPPLIER, null);
                // An adjustment has one real end, the other is ADJUSTMENT: in when "to" is given, out otherwise.
                case ADJUSTMENT -> new EndRule(false, LocationType.ADJUSTMENT, null);
            };
        }

        static EndRule required() {
            return new EndRule(false, null, null);
        }
    }

    private static ValidationFailed refused(String prefix, String field, String message) {
        return new ValidationFailed(message, List.of(new FieldProblem(prefix + field, message)));
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
