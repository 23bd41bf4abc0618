package com.invgov.workflow;

/**
 * What a task is about, as task lists show it: the kind of object ({@code adjustment}, {@code count},
 * {@code receipt}, {@code hold} …), its id, and where applicable the item, location and lot — never a quantity.
 */
public record TaskSubject(String type, String id, String sku, String location, String lot) {

    public static TaskSubject of(String type, String id) {
        return new TaskSubject(type, id, null, null, null);
    }
}
