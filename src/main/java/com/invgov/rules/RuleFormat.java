package com.invgov.rules;

/** How a version was written: the low-code table (turned into DRL by the rule template) or raw DRL. */
public enum RuleFormat {
    TABLE, DRL
}
