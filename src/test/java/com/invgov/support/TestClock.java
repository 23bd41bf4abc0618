package com.invgov.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts a {@link MovableClock} in the shared test context, ahead of the application's system clock. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
