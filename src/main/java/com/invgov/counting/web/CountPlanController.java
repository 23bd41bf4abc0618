package com.invgov.counting.web;

import com.invgov.api.Cursor;
import com.invgov.api.Idempotency;
import com.invgov.api.Page;
import com.invgov.counting.CountPlanView;
import com.invgov.counting.CountPlans;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** {@code /api/v1/count-plans}: stored cycle-count plans per warehouse and day, and planning on demand. */
@RestController
@RequestMapping(path = "/api/v1/count-plans", produces = MediaType.APPLICATION_JSON_VALUE)
class CountPlanController {

    private final CountPlans plans;
    private final Idempotency idempotency;

    CountPlanController(CountPlans plans, Idempotency idempotency) {
        this.plans = plans;
        this.idempotency = idempotency;
    }

    record PlanRequest(LocalDate day) {
    }

    @GetMapping
    @Operation(summary = "The stored plans of a day (default today, UTC), of one warehouse or all, by warehouse code; "
            + "blind: no quantities. Every role may read. Cursor pagination ?after=&limit= (plans per page, max "
            + "1000), next in the response")
    Page<CountPlanView> plans(@RequestParam(required = false) String warehouse,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate day,
                              @RequestParam(required = false) String after,
                              @RequestParam(required = false) Integer limit) {
        return plans.plans(warehouse, day, after, Cursor.limit(limit));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan a day now (default today) through the cycle-count process (INVENTORY_CONTROLLER, "
            + "ADMIN). A warehouse already planned for that day keeps its plan; returns the plans of the day (all "
            + "of them: next is null). The "
            + "body {day} is JSON or left out (any other media type is 415).")
    ResponseEntity<Object> planNow(@RequestBody(required = false) PlanRequest body,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   HttpServletRequest request) {
        return idempotency.run(request, key, false, body,
                () -> ResponseEntity.ok(new Page<>(plans.planNow(body == null ? null : body.day()), null)));
    }
}
