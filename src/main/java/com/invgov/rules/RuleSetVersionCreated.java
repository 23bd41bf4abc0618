package com.invgov.rules;

/** A new DRAFT version of a rule set was saved. */
public record RuleSetVersionCreated(String ruleSet, int version, RuleFormat format, String author, String comment) {
}
