package com.invgov.console;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a dashboard tile shows: a headline figure ("97.4 %", "12 holds"), a line that explains it ("312 of 320 counts
 * within tolerance, last 30 days"), a tone, and optionally a trend (oldest first, e.g. one value per day) drawn as a
 * sparkline.
 */
public record TileValue(String headline, String detail, Tone tone, List<BigDecimal> trend) {

    public enum Tone { NEUTRAL, GOOD, WARNING, ALERT }

    public TileValue {
        Objects.requireNonNull(headline, "headline");
        detail = detail == null ? "" : detail;
        tone = tone == null ? Tone.NEUTRAL : tone;
        trend = trend == null ? List.of() : List.copyOf(trend);
    }

    public static TileValue of(String headline, String detail, Tone tone) {
        return new TileValue(headline, detail, tone, List.of());
    }
}
