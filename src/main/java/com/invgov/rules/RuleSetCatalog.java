package com.invgov.rules;

import java.util.List;

/** The rule sets this node has compiled. */
public interface RuleSetCatalog {

    List<RuleSetSummary> loaded();
}
