package com.invgov.quality;

import com.invgov.workflow.ServiceStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the {@code quality-hold} process (processes/quality-hold.bpmn); business key = hold id. */
@Configuration(proxyBeanMethods = false)
class QualitySteps {

    /** Moves the held stock to QUARANTINE and releases reservations on it. */
    @Bean
    ServiceStep qualityQuarantine(QualityHolds holds) {
        return context -> holds.quarantine(Long.parseLong(context.businessKey()),
                context.variable("actor", String.class).orElse("system"));
    }

    /** Posts the disposition {@code dispositionId}; sets {@code holdClosed}. */
    @Bean
    ServiceStep qualityPostDisposition(QualityHolds holds) {
        return context -> context.setVariable("holdClosed", holds.postDisposition(
                Long.parseLong(context.variable("dispositionId", String.class).orElseThrow()),
                context.variable("actor", String.class).orElse("system")));
    }
}
