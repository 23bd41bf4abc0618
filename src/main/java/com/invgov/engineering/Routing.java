package com.invgov.engineering;

import java.util.List;

/** Who approves an engineering change, as {@code eco-routing} decided, with the version and the rules that fired. */
public record Routing(List<String> approverRoles, String ruleSet, int ruleSetVersion, List<String> firedRules,
                      String decisionId) {

    public Routing {
        approverRoles = List.copyOf(approverRoles);
        firedRules = List.copyOf(firedRules);
    }
}
