package com.invgov.counting;

import com.invgov.inventory.Ledger;
import com.invgov.inventory.MasterData;
import com.invgov.support.IntegrationTest;
import com.invgov.support.MovableClock;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, point 1, on the real thing: the {@code Clock} moves through 400 days over the demo plant; every day the
 * {@code cycle-count} process plans (POST /count-plans's service, through the BPMN), the stored plan is read back, and
 * every planned count task is counted with the system quantity (so nothing is adjusted). Every countable pair is then
 * counted within the interval the published {@code cycle-count-policy} gives it, and no warehouse plans more than its
 * capacity on any day.
 * <p>
 * It runs in the shared context: the clock is reset and the plans, first sightings and the (future-dated) count results
 * it made are removed afterwards.
 */
@IntegrationTest
class CountPlanSimulationTest {

    static final int DAYS = Integer.getInteger("invgov.test.simulationDays", 400);

    @Autowired
    CountPlans plans;
    @Autowired
    Counts counts;
    @Autowired
    Ledger ledger;
    @Autowired
    MasterData masterData;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;

    LocalDate first;
    ExecutorService counters;

    @BeforeEach
    void cleanSlate() {
        CountPlanFixture.forgetAllPlans(jdbc, runtime);
        // other tests' variances still waiting for a recount: the next count of such a place would be that recount,
        // which its own first counter may not do — they are not this simulation's business
        jdbc.sql("UPDATE adjustment SET status = 'CLOSED' WHERE status IN ('PENDING_RECOUNT', 'CONFLICT')").update();
        first = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        counters = Executors.newFixedThreadPool(3);
    }

    @AfterEach
    void cleanUp() {
        counters.shutdownNow();
        clock.reset();
        SecurityContextHolder.clearContext();
        CountPlanFixture.forgetAllPlans(jdbc, runtime);
        jdbc.sql("DELETE FROM count_result WHERE event_time >= ?")
                .param(Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant())).update();
    }

    @Test
    void over400DaysEveryCountablePairIsCountedWithinItsIntervalAndNoWarehouseExceedsItsCapacity() throws Exception {
        long started = System.nanoTime();
        int countsTaken = 0;
        long planning = 0;
        Map<String, String> baseUoms = new java.util.concurrent.ConcurrentHashMap<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = first.plusDays(d);
            clock.moveTo(day.atTime(4, 0).toInstant(ZoneOffset.UTC));
            signIn("ivan", "INVENTORY_CONTROLLER");
            long t0 = System.nanoTime();
            List<CountPlanView> planned = plans.planNow(day);
            planning += System.nanoTime() - t0;
            assertThat(planned).as("a plan per warehouse on %s", day).isNotEmpty();

            clock.moveTo(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
            // one counter per warehouse, as on the floor
            List<Future<Integer>> done = new ArrayList<>();
            for (CountPlanView plan : planned) {
                done.add(counters.submit(() -> {
                    signIn("olga", "OPERATOR");
                    try {
                        for (CountPlanView.Line line : plan.lines()) {
                            assertThat(line.status()).as("%s on %s", line, day).isEqualTo("PLANNED");
                            // a line without a lot of a lot-tracked item: the place holds several, each is counted
                            List<String> lots = line.lot() == null
                                    && masterData.item(line.sku()).tracking() == com.invgov.inventory.Tracking.LOT
                                    ? jdbc.sql("SELECT DISTINCT lot FROM balance WHERE sku = ? AND location = ? "
                                            + "AND quantity <> 0 ORDER BY lot").params(line.sku(), line.location())
                                            .query(String.class).list()
                                    : java.util.Collections.singletonList(line.lot());
                            for (String lot : lots) {
                                BigDecimal system = ledger.balanceAsOf(line.sku(), line.location(), lot, null,
                                        clock.instant());
                                CountResult result = counts.count(line.location(), line.sku(), lot, system,
                                        baseUoms.computeIfAbsent(line.sku(), sku -> masterData.item(sku).baseUom()),
                                        null, line.taskId(), null, null);
                                assertThat(result.decision().outcome()).isEqualTo("NO_VARIANCE");
                            }
                        }
                        return plan.lines().size();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            for (Future<Integer> counted : done) {
                countsTaken += counted.get();
            }
        }
        long seconds = ChronoUnit.SECONDS.between(Instant.EPOCH, Instant.EPOCH.plusNanos(System.nanoTime() - started));
        System.out.printf("count plan simulation: %d days, %d counts, %d s, of which planning %d ms%n", DAYS,
                countsTaken, seconds, planning / 1_000_000);
        LocalDate last = first.plusDays(DAYS - 1);

        // capacity: no warehouse and day has more planned counts than its plan's capacity
        List<Map<String, Object>> overCapacity = jdbc.sql("""
                        SELECT p.warehouse, p.day, p.capacity, count(l.id) AS planned FROM count_plan p
                        JOIN count_plan_line l ON l.warehouse = p.warehouse AND l.day = p.day
                        WHERE l.status IN ('PLANNED', 'COUNTED', 'ROLLED_OVER')
                        GROUP BY p.warehouse, p.day, p.capacity HAVING count(l.id) > p.capacity""")
                .query().listOfRows();
        assertThat(overCapacity).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM count_plan").query(Long.class).single())
                .as("one plan per warehouse and day").isEqualTo(3L * DAYS);
        assertThat(jdbc.sql("SELECT count(*) FROM count_plan_line WHERE status <> 'COUNTED'").query(Long.class)
                .single()).as("nothing waited or rolled over at 200 a day").isZero();

        // every countable pair: first count within its interval from when it became countable, then every gap within
        // its interval, and still within it at the end
        record Counted(LocalDate on, int interval) {
        }
        Map<List<String>, List<Counted>> byPair = new HashMap<>();
        jdbc.sql("SELECT sku, location, counted_on, interval_days FROM count_plan_line WHERE status = 'COUNTED' "
                        + "ORDER BY counted_on")
                .query((rs, n) -> {
                    byPair.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new Counted(rs.getDate(3).toLocalDate(), rs.getInt(4)));
                    return null;
                }).list();
        Map<List<String>, LocalDate> countable = new HashMap<>();
        jdbc.sql("SELECT sku, location, countable_since FROM count_pair").query((rs, n) ->
                countable.put(List.of(rs.getString(1), rs.getString(2)), rs.getDate(3).toLocalDate())).list();
        assertThat(countable).as("the demo plant's countable pairs").hasSizeGreaterThan(400);
        assertThat(byPair.keySet()).as("every countable pair counted").containsExactlyInAnyOrderElementsOf(
                countable.keySet());
        byPair.forEach((pair, done) -> {
            LocalDate previous = countable.get(pair);
            for (Counted c : done) {
                assertThat(ChronoUnit.DAYS.between(previous, c.on())).as("%s counted %s after %s", pair, c.on(),
                        previous).isBetween(1L, (long) c.interval());
                previous = c.on();
            }
            Counted latest = done.get(done.size() - 1);
            assertThat(latest.on().plusDays(latest.interval())).as("%s not overdue at the end", pair)
                    .isAfterOrEqualTo(last);
        });
        // the intervals are the published rule set's: A 30, B 90, C 365 days (regulated at most 30), halved for a pair
        // whose recent counts (e.g. other tests' variance counts in the shared database) were mostly out of tolerance
        assertThat(byPair.values().stream().flatMap(List::stream).map(Counted::interval).distinct().toList())
                .contains(30, 90, 365).isSubsetOf(30, 90, 365, 15, 45, 182);
    }

    private static void signIn(String username, String role) {
        var user = User.withUsername(username).password("n/a")
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + role))).build();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
