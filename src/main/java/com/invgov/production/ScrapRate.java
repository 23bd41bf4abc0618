package com.invgov.production;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scrap as a share of production by value over a window of days: scrap value / (produced value + scrap value) × 100,
 * values at the items' unit (standard) cost. Produced = PRODUCE of production orders; scrap = scrap reported against
 * production orders (components and products alike). {@code percent} is null when nothing was produced or scrapped;
 * {@code days} has one entry per day of the window, oldest first, a day without activity at 0 %.
 */
public record ScrapRate(LocalDate from, LocalDate to, BigDecimal producedValue, BigDecimal scrapValue,
                        BigDecimal percent, List<Day> days) {

    public record Day(LocalDate day, BigDecimal producedValue, BigDecimal scrapValue, BigDecimal percent) {
    }

    /** The rate over {@code count} days from {@code first}, from the days that had production or scrap. */
    public static ScrapRate of(LocalDate first, int count, List<Day> active) {
        Map<LocalDate, Day> byDay = new HashMap<>();
        active.forEach(d -> byDay.put(d.day(), d));
        List<Day> days = new ArrayList<>(count);
        BigDecimal produced = BigDecimal.ZERO;
        BigDecimal scrapped = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays(i);
            Day d = byDay.get(day);
            BigDecimal p = d == null ? BigDecimal.ZERO : d.producedValue();
            BigDecimal s = d == null ? BigDecimal.ZERO : d.scrapValue();
            produced = produced.add(p);
            scrapped = scrapped.add(s);
            BigDecimal rate = percent(p, s);
            days.add(new Day(day, money(p), money(s), rate == null ? BigDecimal.ZERO.setScale(2) : rate));
        }
        return new ScrapRate(first, first.plusDays(count - 1L), money(produced), money(scrapped),
                percent(produced, scrapped), List.copyOf(days));
    }

    static BigDecimal percent(BigDecimal produced, BigDecimal scrapped) {
        BigDecimal total = produced.add(scrapped);
        if (total.signum() == 0) {
            return null;
        }
        return scrapped.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
