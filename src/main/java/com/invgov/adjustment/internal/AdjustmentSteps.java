package com.invgov.adjustment.internal;

import com.invgov.workflow.ServiceStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code processes/adjustment-approval.bpmn}. */
@Configuration(proxyBeanMethods = false)
class AdjustmentSteps {

    /** Decides what follows (recount, the next approval, done) and posts once every approval is in. */
    @Bean
    ServiceStep adjustmentAdvance(AdjustmentService adjustments, java.time.Clock clock) {
        return context -> {
            AdjustmentService.Next next = adjustments.advance(context.businessKey());
            // read by the gateway and the next task as it is created, then dropped: the adjustment row holds the state
            context.setTransientVariable("next", next.next());
            if (next.role() != null) {
                // the approval task's candidate group; it is due within 24 hours, when its boundary timer escalates
                context.setTransientVariable("role", next.role());
                context.setTransientVariable("approvalDue",
                        java.util.Date.from(clock.instant().plus(java.time.Duration.ofHours(24))));
            }
        };
    }

    /** 24 h without an approval: flag the adjustment (dashboard) and notify through the change feed. */
    @Bean
    ServiceStep adjustmentEscalated(AdjustmentService adjustments) {
        return context -> adjustments.escalate(context.businessKey());
    }
}
