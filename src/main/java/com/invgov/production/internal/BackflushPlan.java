package com.invgov.production.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which component stock a backflush takes, free of Spring and the database. What a BOM line still needs is its
 * quantity per product unit × everything the order has produced (this completion included) − what the order has
 * consumed of that component so far (manual issues and earlier backflushes): a line issued by hand is only topped up
 * to what the produced quantity calls for. Stock is taken first-expiry-first-out, then first-in-first-out (lot
 * creation), from AVAILABLE stock only — the caller passes nothing else.
 */
public final class BackflushPlan {

    /** AVAILABLE stock of the component at the backflush location that the order may take (base UoM). */
    public record Stock(String lot, String serial, BigDecimal available, LocalDate expiresOn, Instant lotCreatedAt) {
    }

    public record Pick(String sku, String lot, String serial, BigDecimal quantity) {
    }

    /** What a line needs, what it takes, and what is missing (zero when the stock covers it). */
    public record Line(String sku, BigDecimal needed, BigDecimal available, List<Pick> picks) {

        public boolean isShort() {
            return available.compareTo(needed) < 0;
        }
    }

    static final Comparator<Stock> FEFO = Comparator
            .comparing(Stock::expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Stock::lotCreatedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(s -> s.lot() == null ? "" : s.lot())
            .thenComparing(s -> s.serial() == null ? "" : s.serial());

    private BackflushPlan() {
    }

    /**
     * What is still to consume of a line, base UoM: never negative; rounded up to 6 decimals, and to whole units for
     * serial-numbered components.
     */
    public static BigDecimal needed(BigDecimal perUnit, BigDecimal basePerBomUom, BigDecimal producedTotal,
                                    BigDecimal consumed, boolean wholeUnits) {
        BigDecimal total = perUnit.multiply(basePerBomUom).multiply(producedTotal);
        BigDecimal rest = total.subtract(consumed);
        if (rest.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        rest = rest.setScale(wholeUnits ? 0 : 6, RoundingMode.CEILING).stripTrailingZeros();
        return rest.scale() < 0 ? rest.setScale(0) : rest;
    }

    /** Takes {@code needed} of {@code sku} from the stock, FEFO then FIFO. */
    public static Line pick(String sku, BigDecimal needed, List<Stock> stock) {
        List<Stock> sorted = new ArrayList<>(stock);
        sorted.sort(FEFO);
        List<Pick> picks = new ArrayList<>();
        BigDecimal left = needed;
        BigDecimal available = BigDecimal.ZERO;
        for (Stock s : sorted) {
            if (s.available().signum() <= 0) {
                continue;
            }
            available = available.add(s.available());
            if (left.signum() > 0) {
                BigDecimal take = s.available().min(left);
                picks.add(new Pick(sku, s.lot(), s.serial(), take));
                left = left.subtract(take);
            }
        }
        return new Line(sku, needed, available, List.copyOf(picks));
    }
}
