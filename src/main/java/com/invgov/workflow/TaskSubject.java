package com.invgov.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What a task is about, as task lists show it: the kind of object ({@code adjustment}, {@code count},
 * {@code receipt}, {@code hold} …), its id, and where applicable the item, location and lot — never a quantity.
 *
 * @param lots of a count of a place that holds several lots of the item: the lots still to count there (their
 *             names only); absent otherwise
 */
public record TaskSubject(String type, String id, String sku, String location, String lot,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> lots) {

    public TaskSubject {
        lots = lots == null ? null : List.copyOf(lots);
    }

    public TaskSubject(String type, String id, String sku, String location, String lot) {
        this(type, id, sku, location, lot, null);
    }

    public static TaskSubject of(String type, String id) {
        return new TaskSubject(type, id, null, null, null);
    }
}
