package com.invgov.adjustment.internal;

import com.invgov.adjustment.AdjustmentFigures;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The dashboard's adjustment figures: aggregates, readable by whoever may read adjustments. */
@Service
class AdjustmentFigureService implements AdjustmentFigures {

    private static final Role[] READERS = AdjustmentService.READERS;

    private final AdjustmentReadStore store;
    private final CurrentUser user;
    private final Clock clock;

    AdjustmentFigureService(AdjustmentReadStore store, CurrentUser user, Clock clock) {
        this.store = store;
        this.user = user;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Accuracy accuracy() {
        user.requireAnyRole("read adjustment figures", READERS);
        LocalDate first = firstDay();
        Map<LocalDate, DayShare> found = byDay(store.firstCountsByDay(start(first)), DayShare::day);
        List<DayShare> days = new ArrayList<>();
        int counts = 0;
        int within = 0;
        for (LocalDate d = first; !d.isAfter(today()); d = d.plusDays(1)) {
            DayShare day = found.getOrDefault(d, new DayShare(d, 0, 0));
            days.add(day);
            counts += day.counts();
            within += day.withinTolerance();
        }
        return new Accuracy(counts, within, days);
    }

    @Override
    @Transactional(readOnly = true)
    public PostedValue postedValue() {
        user.requireAnyRole("read adjustment figures", READERS);
        LocalDate first = firstDay();
        Map<LocalDate, DayValue> found = byDay(store.postedByDay(start(first)), DayValue::day);
        List<DayValue> days = new ArrayList<>();
        int n = 0;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal absolute = BigDecimal.ZERO;
        for (LocalDate d = first; !d.isAfter(today()); d = d.plusDays(1)) {
            DayValue day = found.getOrDefault(d, new DayValue(d, 0, BigDecimal.ZERO, BigDecimal.ZERO));
            days.add(day);
            n += day.adjustments();
            net = net.add(day.net());
            absolute = absolute.add(day.absolute());
        }
        return new PostedValue(n, net, absolute, days);
    }

    @Override
    @Transactional(readOnly = true)
    public Escalated escalated() {
        user.requireAnyRole("read adjustment figures", READERS);
        return store.escalated();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private LocalDate firstDay() {
        return today().minusDays(DAYS - 1);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static <T> Map<LocalDate, T> byDay(List<T> rows, Function<T, LocalDate> day) {
        return rows.stream().collect(Collectors.toMap(day, Function.identity()));
    }
}
