package com.invgov.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when the demo plant (its users and data) is to be loaded: in the embedded default, unless
 * {@code invgov.demo.enabled=false}; elsewhere only when {@code invgov.demo.enabled=true} (tests do that).
 */
public class DemoDataCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String explicit = context.getEnvironment().getProperty("invgov.demo.enabled");
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.trim());
        }
        return EmbeddedDatabaseCondition.isEmbedded(context.getEnvironment());
    }
}
