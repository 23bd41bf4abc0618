package com.invgov.rules;

import com.invgov.InvgovApplication;
import com.invgov.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.sql.DriverManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The product compiles its rule sets at start and refuses to start, naming the file and the line, when one does
 * not compile. (That the shipped ones compile is what every integration test's start shows; this test starts
 * the product on a template with a typo.)
 */
class RuleSetStartupTest {

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    @Test
    void refusesToStartNamingTheFileAndLine() throws Exception {
        TestDatabase.Connection shared = TestDatabase.connection();
        String database = "invgov_broken_rules";
        try (var c = DriverManager.getConnection(shared.url(), shared.username(), shared.password());
             var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        Matcher url = JDBC_URL.matcher(shared.url());
        assertThat(url.matches()).isTrue();

        assertThatThrownBy(() -> new SpringApplicationBuilder(InvgovApplication.class).run(
                "--spring.datasource.url=" + url.group(1) + database + url.group(3),
                "--spring.datasource.username=" + shared.username(),
                "--spring.datasource.password=" + shared.password(),
                "--invgov.rules.overlay-location=broken-rules/",
                "--invgov.demo.enabled=false",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.process-engine-name=brokenRules",
                "--spring.main.banner-mode=off",
                "--server.port=0").close())
                .hasRootCauseInstanceOf(RuleCompilationException.class)
                .rootCause()
                .hasMessageContaining("adjustment-tolerance")
                .hasMessageMatching("(?s).*rules/adjustment-tolerance/adjustment-tolerance\\.drt \\(version 1\\) line \\d+.*")
                .hasMessageContaining("diffPctt");
    }
}
