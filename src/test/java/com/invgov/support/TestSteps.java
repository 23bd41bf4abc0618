package com.invgov.support;

import com.invgov.workflow.ServiceStep;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Service steps used only by test processes (test-processes/*.bpmn). */
@TestConfiguration(proxyBeanMethods = false)
public class TestSteps {

    /** Writes a row named after the business key, then fails when the process variable {@code fail} is true. */
    @Bean
    ServiceStep txProbeStep(JdbcClient jdbc) {
        return context -> {
            jdbc.sql("INSERT INTO test_probe.writes (label) VALUES (?)")
                    .param("step:" + context.businessKey())
                    .update();
            if (context.variable("fail", Boolean.class).orElse(false)) {
                throw new IllegalStateException("probe step failed on purpose");
            }
        };
    }
}
