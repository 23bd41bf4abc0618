package com.invgov.rules;

import com.invgov.rules.table.RuleTable;

import java.time.Instant;
import java.util.List;

/**
 * A version of a rule set.
 *
 * @param table       the low-code table for {@code TABLE} versions, else null
 * @param drl         the DRL that decides (generated from the table, or written)
 * @param rules       names of its rules
 * @param diffAgainst the version the diff compares with (the one before), null for version 1
 * @param diff        line diff of the DRL against {@code diffAgainst}; empty in lists
 */
public record RuleSetVersion(String ruleSet, int version, VersionStatus status, RuleFormat format, RuleTable table,
                             String drl, String comment, String author, Instant createdAt, String publishedBy,
                             Instant publishedAt, Instant retiredAt, List<String> rules, Integer diffAgainst,
                             List<DiffLine> diff) {
}
