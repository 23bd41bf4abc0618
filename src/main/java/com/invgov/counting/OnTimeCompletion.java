package com.invgov.counting;

import java.math.BigDecimal;

/**
 * Planned counts due in the last 30 days (a count rolled over to the next day keeps its due date and is one count)
 * and how many of them were counted on or before their due day.
 *
 * @param sharePct onTime / due in %, null when nothing was due
 */
public record OnTimeCompletion(int due, int onTime, BigDecimal sharePct) {
}
