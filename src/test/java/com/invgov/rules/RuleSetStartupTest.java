package com.invgov.rules;

import com.invgov.InvgovApplication;
import com.invgov.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The product compiles its rule sets at start and refuses to start, naming the file and the line, when one does
 * not compile. (That the shipped ones compile is what every integration test's start shows; this test starts
 * the product on a template with a typo.)
 */
class RuleSetStartupTest {

    @Test
    void refusesToStartNamingTheFileAndLine() {
        TestDatabase.Connection db = TestDatabase.freshDatabase("invgov_broken_rules");

        assertThatThrownBy(() -> new SpringApplicationBuilder(InvgovApplication.class).run(TestDatabase.nodeArguments(
                db, "brokenRules", "--invgov.rules.overlay-location=broken-rules/")).close())
                .hasRootCauseInstanceOf(RuleCompilationException.class)
                .rootCause()
                .hasMessageContaining("adjustment-tolerance")
                .hasMessageMatching("(?s).*rules/adjustment-tolerance/adjustment-tolerance\\.drt \\(version 1\\) line \\d+.*")
                .hasMessageContaining("diffPctt");
    }
}
