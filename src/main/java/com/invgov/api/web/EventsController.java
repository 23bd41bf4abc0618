package com.invgov.api.web;

import com.invgov.api.Cursor;
import com.invgov.api.EventFeed;
import com.invgov.api.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/events")
class EventsController {

    private final EventFeed feed;

    EventsController(EventFeed feed) {
        this.feed = feed;
    }

    @GetMapping
    @Operation(summary = "Outbound change feed (movements, master data, reservations, decisions, holds), oldest first",
            description = "Poll with after = the `next` of the previous answer; `next` is never null once you have one.")
    Page<EventFeed.Event> events(@RequestParam(required = false) String after,
                                 @RequestParam(required = false) Integer limit) {
        return feed.read(after, Cursor.limit(limit));
    }
}
