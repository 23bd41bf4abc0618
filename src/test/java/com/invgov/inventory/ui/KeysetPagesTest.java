package com.invgov.inventory.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Stock grid's pages are the rows an OFFSET query would give, but continue after the last row seen. */
class KeysetPagesTest {

    private final List<Integer> rows = IntStream.range(0, 1000).map(i -> i * 2).boxed().toList();
    private final List<int[]> calls = new ArrayList<>(); // {after (or -1), skip}

    private final KeysetPages<Integer> pages = new KeysetPages<>((after, skip, limit) -> {
        calls.add(new int[]{after == null ? -1 : after, skip});
        int from = after == null ? 0 : rows.indexOf(after) + 1;
        int start = Math.min(rows.size(), from + skip);
        return rows.subList(start, Math.min(rows.size(), start + limit));
    });

    @Test
    void scrollingOnContinuesAfterTheLastRowWithoutSkipping() {
        assertThat(pages.page(0, 50)).isEqualTo(rows.subList(0, 50));
        assertThat(pages.page(50, 50)).isEqualTo(rows.subList(50, 100));
        assertThat(pages.page(100, 50)).isEqualTo(rows.subList(100, 150));
        assertThat(calls).extracting(c -> c[0] + "/" + c[1]).containsExactly("-1/0", "98/0", "198/0");
    }

    @Test
    void aJumpSkipsOnlyFromTheNearestPageSeenAndScrollingBackUsesAnEarlierOne() {
        pages.page(0, 50);
        assertThat(pages.page(500, 50)).isEqualTo(rows.subList(500, 550));
        assertThat(calls.get(1)).containsExactly(98, 450);
        assertThat(pages.page(550, 50)).isEqualTo(rows.subList(550, 600));
        assertThat(calls.get(2)).containsExactly(1098, 0);
        assertThat(pages.page(50, 50)).isEqualTo(rows.subList(50, 100));
        assertThat(calls.get(3)).containsExactly(98, 0);
        assertThat(pages.page(980, 50)).isEqualTo(rows.subList(980, 1000));
        assertThat(pages.page(1000, 50)).isEmpty();
    }
}
