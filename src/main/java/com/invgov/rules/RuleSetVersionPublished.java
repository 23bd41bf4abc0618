package com.invgov.rules;

/** A version of a rule set was published (also a rollback); {@code previousVersion} was retired, if any. */
public record RuleSetVersionPublished(String ruleSet, int version, Integer previousVersion, String publishedBy) {
}
