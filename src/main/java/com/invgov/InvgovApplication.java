package com.invgov;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * invgov: one Spring Boot application, modules by business capability (DESIGN §2).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Theme("invgov")
public class InvgovApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(InvgovApplication.class, args);
    }

    /** Time comes from here; tests replace it to move through days. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
