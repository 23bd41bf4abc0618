package com.invgov.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True in the embedded default: no {@code spring.datasource.url} (nor {@code SPRING_DATASOURCE_URL}) is set.
 * Other modules use it for what belongs to the embedded default only, such as the demo users.
 */
public class EmbeddedDatabaseCondition implements Condition {

    public static final String URL_PROPERTY = "spring.datasource.url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isEmbedded(context.getEnvironment());
    }

    public static boolean isEmbedded(org.springframework.core.env.Environment environment) {
        return !StringUtils.hasText(environment.getProperty(URL_PROPERTY));
    }
}
