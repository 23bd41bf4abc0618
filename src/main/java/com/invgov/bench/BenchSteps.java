package com.invgov.bench;

import com.invgov.workflow.ServiceStep;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of the bare baseline process: does nothing, so the process measures the engine alone. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = BenchSteps.ENABLED, havingValue = "true")
public class BenchSteps {

    /** The switch: off by default. */
    public static final String ENABLED = "invgov.bench.enabled";
    /** Key of {@code bench/bare-process.bpmn}. */
    public static final String BARE_PROCESS = "bench-bare";

    @Bean
    ServiceStep benchNoop() {
        return context -> {
        };
    }
}
