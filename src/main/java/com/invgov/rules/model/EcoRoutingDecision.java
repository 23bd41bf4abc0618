package com.invgov.rules.model;

import java.util.List;

/**
 * The roles that approve an engineering change, in order. Several rules may each insert one of these; the
 * decision is their union in firing order.
 */
public record EcoRoutingDecision(List<String> approverRoles) {

    public EcoRoutingDecision {
        approverRoles = List.copyOf(approverRoles);
    }

    public static EcoRoutingDecision approveBy(String... roles) {
        return new EcoRoutingDecision(List.of(roles));
    }
}
