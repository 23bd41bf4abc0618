package com.invgov.engineering.internal;

import com.invgov.workflow.ServiceStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code processes/engineering-change.bpmn}: thin adapters to {@link EngineeringChangeService}.
 * The change row holds the state; the process carries only the business key, the {@code rejected} flag its
 * approvals set, and transient routing values.
 */
@Configuration(proxyBeanMethods = false)
class EcoSteps {

    /** Impact analysis and routing: the approval tasks' roles, read once as the multi-instance starts. */
    @Bean
    ServiceStep ecoAssess(EngineeringChangeService changes) {
        return context -> context.setTransientVariable("approverRoles", changes.assess(context.businessKey()));
    }

    @Bean
    ServiceStep ecoApproved(EngineeringChangeService changes) {
        return context -> changes.approved(context.businessKey());
    }

    @Bean
    ServiceStep ecoRejected(EngineeringChangeService changes) {
        return context -> changes.rejected(context.businessKey());
    }

    /** After the disposition: activate now when the effectivity date has come, else wait for it (the timer). */
    @Bean
    ServiceStep ecoSchedule(EngineeringChangeService changes) {
        return context -> {
            context.setTransientVariable("effectiveNow", changes.schedule(context.businessKey()));
            context.setTransientVariable("effectiveAt", changes.effectiveAt(context.businessKey()));
        };
    }

    @Bean
    ServiceStep ecoActivate(EngineeringChangeService changes) {
        return context -> changes.activate(context.businessKey());
    }
}
