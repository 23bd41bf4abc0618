package com.invgov.rules;

import java.util.List;

/**
 * A rule set compiled and ready to decide.
 *
 * @param key     e.g. {@code adjustment-tolerance}
 * @param version the version in use
 * @param rules   the names of its rules
 * @param sources where its DRL came from
 */
public record RuleSetSummary(String key, int version, List<String> rules, List<String> sources) {
}
