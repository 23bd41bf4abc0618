package com.invgov.rules.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the rules module ({@code invgov.rules.*}).
 *
 * @param fourEyes        publishing needs an ADMIN other than the version's author (DESIGN §7)
 * @param fireLimit       rule firings per decision before the evaluation is cut off as a loop
 * @param refreshInterval how often a node checks the database for a version published on another node
 */
@ConfigurationProperties("invgov.rules")
record RulesProperties(@DefaultValue("true") boolean fourEyes, @DefaultValue("1000") int fireLimit,
                       @DefaultValue("2s") Duration refreshInterval) {
}
