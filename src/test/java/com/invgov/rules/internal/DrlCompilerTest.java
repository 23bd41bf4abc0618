package com.invgov.rules.internal;

import com.invgov.rules.RuleCompilationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrlCompilerTest {

    private final DrlCompiler compiler = new DrlCompiler();

    @Test
    void aSyntaxErrorIsReportedWithItsLine() {
        String drl = """
                package com.invgov.rules.test;

                rule "unfinished"
                when
                    String( length > )
                then
                end
                """;
        assertThatThrownBy(() -> compiler.compile("syntax", Map.of("rules/syntax/x.drl", drl)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.errors()).isNotEmpty();
                    assertThat(e.errors().get(0).source()).isEqualTo("rules/syntax/x.drl");
                    assertThat(e.errors().get(0).line()).isEqualTo(5);
                });
    }

    @Test
    void anUnknownPropertyIsLocatedInTheSource() {
        String drl = """
                package com.invgov.rules.test;
                import com.invgov.rules.model.AdjustmentToleranceFact;

                rule "typo"
                when
                    AdjustmentToleranceFact( diffQtty == 1 )
                then
                end
                """;
        assertThatThrownBy(() -> compiler.compile("typo", Map.of("rules/typo/x.drl", drl)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.errors().get(0).line()).isEqualTo(6);
                    assertThat(e.getMessage()).contains("rules/typo/x.drl line 6");
                });
    }

    @Test
    void validDrlCompilesAndListsItsRules() {
        String drl = """
                package com.invgov.rules.test;
                rule "short strings"
                when
                    String( length < 3 )
                then
                end
                """;
        assertThat(compiler.compile("ok", Map.of("rules/ok/x.drl", drl)).ruleNames()).containsExactly("short strings");
    }
}
