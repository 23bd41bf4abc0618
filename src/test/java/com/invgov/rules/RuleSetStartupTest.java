package com.invgov.rules;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules module compiles rules/ at start, and refuses to start on DRL that does not compile. */
class RuleSetStartupTest {

    @Configuration
    @ComponentScan("com.invgov.rules.internal")
    static class RulesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(RulesOnly.class);

    @Test
    void compilesTheShippedRuleSets() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            RuleSetCatalog catalog = context.getBean(RuleSetCatalog.class);
            assertThat(catalog.loaded()).extracting(RuleSetSummary::key).contains("adjustment-tolerance");
            assertThat(catalog.loaded().get(0).rules()).isNotEmpty();
        });
    }

    @Test
    void refusesToStartNamingTheFileAndLine() {
        runner.withPropertyValues("invgov.rules.location=classpath*:broken-rules/").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure.getCause() != null && !(failure instanceof RuleCompilationException)) {
                failure = failure.getCause();
            }
            assertThat(failure).isInstanceOf(RuleCompilationException.class)
                    .hasMessageContaining("broken-set")
                    .hasMessageContaining("rules/broken-set/broken.drl line 7");
        });
    }
}
