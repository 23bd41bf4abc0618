package com.invgov.rules.model;

import java.util.List;

/** Whether a disposition needs MRB approval, and by which roles. */
public record QualityDispositionDecision(boolean mrbRequired, List<String> approverRoles) {

    public QualityDispositionDecision {
        approverRoles = List.copyOf(approverRoles);
    }

    public static QualityDispositionDecision mrb(String... roles) {
        return new QualityDispositionDecision(true, List.of(roles));
    }

    public static QualityDispositionDecision noMrb() {
        return new QualityDispositionDecision(false, List.of());
    }
}
