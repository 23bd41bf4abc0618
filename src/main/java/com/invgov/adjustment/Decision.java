package com.invgov.adjustment;

import java.util.List;

/** What {@code adjustment-tolerance} decided, with the version that decided and the rules that fired. */
public record Decision(String outcome, List<String> approverRoles, String ruleSet, int ruleSetVersion,
                       List<String> firedRules) {

    public Decision {
        approverRoles = List.copyOf(approverRoles);
        firedRules = List.copyOf(firedRules);
    }
}
