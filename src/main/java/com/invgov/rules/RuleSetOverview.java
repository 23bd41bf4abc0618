package com.invgov.rules;

import java.time.Instant;

/** A rule set as the list shows it: the version that decides now and how many drafts wait. */
public record RuleSetOverview(String key, String name, Integer publishedVersion, String publishedBy,
                              Instant publishedAt, int latestVersion, int drafts) {
}
