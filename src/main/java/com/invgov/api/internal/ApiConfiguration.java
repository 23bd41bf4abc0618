package com.invgov.api.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import com.invgov.api.ProblemType;
import com.invgov.api.Problems;

import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ApiConfiguration {

    /**
     * Paths under /api that no controller serves answer 404 {@code not-found} as problem details; without this the
     * console (Vaadin, whose mapping takes every path) would answer with its HTML page. It runs after the
     * controllers' mapping, so a known path with a wrong method or media type still gets its 405 or 415.
     */
    @Bean
    SimpleUrlHandlerMapping unknownApiPaths(ObjectMapper json) {
        HttpRequestHandler notFound = (request, response) -> Problems.write(json, request, response,
                ProblemType.NOT_FOUND, "No API endpoint " + request.getMethod() + " " + request.getRequestURI());
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound));
        mapping.setOrder(10);
        return mapping;
    }

    /** Every JSON body: no NUL in strings, dates and times PostgreSQL can store (Spring Boot installs Module beans). */
    @Bean
    com.fasterxml.jackson.databind.Module inputValues() {
        return new InputValueModule();
    }

    /** Request parameters and path variables of a date or time type: within {@link StorableTime}. */
    @Bean
    WebMvcConfigurer timeParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(new TimeParameters());
            }
        };
    }

    /** Right after the body limit, before Spring Security: nothing runs with NUL in the path, query or headers. */
    @Bean
    FilterRegistrationBean<NulCharacterFilter> nulCharacterFilter(ObjectMapper json) {
        FilterRegistrationBean<NulCharacterFilter> registration = new FilterRegistrationBean<>(new NulCharacterFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Requests Tomcat refuses itself (an encoded NUL or slash in the path) answer problem details under /api. */
    @Bean
    ProblemErrorReportValve.Installer problemErrorReportValve() {
        return new ProblemErrorReportValve.Installer();
    }

    /** Before Spring Security, so a huge body is refused before anyone reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ObjectMapper json) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
