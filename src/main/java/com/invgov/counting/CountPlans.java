package com.invgov.counting;

import com.invgov.api.Page;

import java.time.LocalDate;
import java.util.List;

/**
 * Cycle-count plans (DESIGN §5.2): planned daily by the {@code cycle-count} process (timer) or on demand, stored
 * per warehouse and day, each planned line with one blind count task.
 */
public interface CountPlans {

    /** Process key of the planning and count process. */
    String PROCESS = "cycle-count";

    /**
     * Plans {@code day} (null = today) now through the {@code cycle-count} process; INVENTORY_CONTROLLER or ADMIN.
     * A warehouse already planned for that day (or a later one) is left as it is, so planning twice changes nothing.
     * Returns the plans of that day.
     */
    List<CountPlanView> planNow(LocalDate day);

    /** Stored plans of a day (null = today), of one warehouse or all (null); every signed-in role may read. */
    List<CountPlanView> plans(String warehouse, LocalDate day);

    /**
     * {@link #plans(String, LocalDate)} a page at a time, by warehouse code: {@code after} is the {@code next} of the
     * page before (null for the first), {@code limit} plans per page.
     */
    Page<CountPlanView> plans(String warehouse, LocalDate day, String after, int limit);

    /** Per warehouse: today's plan, due, overdue, accuracy of the last 30 days. */
    List<CountingOverview> overview();

    /** Planned counts of the last 30 days counted on or before their due day. */
    OnTimeCompletion onTimeCompletion();
}
