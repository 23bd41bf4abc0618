package com.invgov.production.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code invgov.production.*}. {@code scrap-reasons}: the reason codes scrap may be reported with through the
 * production API and console; each must also be a reason code of the ledger (with its GL account).
 */
@ConfigurationProperties("invgov.production")
public record ProductionProperties(List<String> scrapReasons) {

    public static final List<String> DEFAULT_SCRAP_REASONS = List.of("DAMAGED", "SETUP", "QUALITY_REJECT", "EXPIRED");

    public ProductionProperties {
        scrapReasons = scrapReasons == null || scrapReasons.isEmpty() ? DEFAULT_SCRAP_REASONS
                : scrapReasons.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
