package com.invgov.api;

import java.util.List;

/** One page of a list: {@code next} is the cursor for {@code ?after=}, null on the last page. */
public record Page<T>(List<T> items, String next) {

    public static <T> Page<T> of(List<T> rows, int limit, java.util.function.Function<T, String> cursorOf) {
        if (rows.size() > limit) {
            List<T> page = rows.subList(0, limit);
            return new Page<>(List.copyOf(page), Cursor.encode(cursorOf.apply(page.get(limit - 1))));
        }
        return new Page<>(List.copyOf(rows), null);
    }
}
