package com.invgov.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a real server port and the shared test database, with the demo plant loaded.
 * Every test class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "invgov.demo.enabled=true",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.deployment-resource-pattern=classpath*:processes/*.bpmn,classpath*:test-processes/*.bpmn"
})
@ContextConfiguration(initializers = TestDatabase.class)
@Import({TestSteps.class, TestClock.class})
public @interface IntegrationTest {
}
