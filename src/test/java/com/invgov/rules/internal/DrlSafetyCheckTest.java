package com.invgov.rules.internal;

import com.invgov.rules.RuleCompilationException;
import com.invgov.rules.RuleEvaluationException;
import com.invgov.rules.model.AdjustmentToleranceFact;
import com.invgov.rules.model.VarianceSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN §7: the static check refuses everything that could leave the fact and decision classes. */
class DrlSafetyCheckTest {

    private static final String HEAD = """
            package com.example.rules;

            import com.invgov.rules.model.*;
            import java.math.BigDecimal;

            """;

    /** A rule whose right-hand side is {@code action}; the action starts on line 10. */
    private static String withAction(String action) {
        return HEAD + """
                rule "r"
                when
                    $f : AdjustmentToleranceFact( diffQty.signum() != 0 )
                then
                    %s
                end
                """.formatted(action);
    }

    private static String withCondition(String condition) {
        return HEAD + """
                rule "r"
                when
                    %s
                then
                    insert(AdjustmentToleranceDecision.of(AdjustmentOutcome.RECOUNT));
                end
                """.formatted(condition);
    }

    private static List<RuleCompilationException.Error> check(String drl) {
        return DrlSafetyCheck.check(drl);
    }

    private static void assertRefused(String drl, String messagePart) {
        List<RuleCompilationException.Error> errors = check(drl);
        assertThat(errors).as("errors of:\n" + drl).isNotEmpty();
        assertThat(errors).anySatisfy(e -> assertThat(e.message()).containsIgnoringCase(messagePart));
    }

    @Test
    void everyShippedRuleSetPassesTheCheck() {
        for (RuleSetDefinition<?, ?, ?> d : RuleSetDefinitions.ALL) {
            assertThat(check(DefaultRules.drl(d.key()))).as(d.key()).isEmpty();
        }
    }

    @Test
    void allowedRulesPass() {
        assertThat(check(withAction("""
                BigDecimal limit = new BigDecimal("10").max($f.diffValue()).setScale(2, java_rounding);
                insert(AdjustmentToleranceDecision.approveBy("FINANCE"));
                """.replace(", java_rounding", "")))).isEmpty();
        assertThat(check(withAction("insert(AdjustmentToleranceDecision.of(Math.abs(1) > 0 ? "
                + "AdjustmentOutcome.APPROVE : AdjustmentOutcome.RECOUNT)); modify($f) { }; update($f);")))
                .isEmpty();
        assertThat(check(withCondition("AdjustmentToleranceFact( abcClass in (\"A\", \"B\"), "
                + "diffValue.abs() > 10.5B, source == VarianceSource.MANUAL )"))).isEmpty();
    }

    @Test
    void systemExitIsRefusedWithItsLineAndColumn() {
        List<RuleCompilationException.Error> errors = check(withAction("System.exit(0);"));
        assertThat(errors).isNotEmpty();
        assertThat(errors).allSatisfy(e -> assertThat(e.line()).isEqualTo(10));
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.message()).contains("System");
            assertThat(e.column()).isEqualTo(5);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Runtime.getRuntime().exec(\"rm -rf /\");",
            "java.lang.Runtime.getRuntime().exec(\"id\");",
            "new ProcessBuilder(\"id\").start();",
            "java.lang.System.exit(1);",
            "Class.forName(\"java.lang.Runtime\");",
            "$f.getClass().getMethod(\"toString\").invoke($f);",
            "$f.getClass().getClassLoader();",
            "Object o = AdjustmentToleranceFact.class;",
            "java.nio.file.Files.delete(java.nio.file.Path.of(\"/tmp/x\"));",
            "new java.io.File(\"/etc/passwd\").delete();",
            "new File(\"/etc/passwd\").delete();",
            "new java.net.Socket(\"example.com\", 80);",
            "new java.net.URL(\"http://example.com\").openStream();",
            "new Thread(() -> {}).start();",
            "Thread.sleep(100000);",
            "while (true) { }",
            "for (int i = 0; i < 10; i++) { insert(AdjustmentToleranceDecision.of(AdjustmentOutcome.RECOUNT)); }",
            "drools.getKieRuntime().halt();",
            "kcontext.getKieRuntime();",
            "Runnable r = () -> {};",
            "synchronized ($f) { }",
            "String s = $f.abcClass().getBytes().toString();",
            "class Evil { }"
    })
    void dangerousActionsAreRefused(String action) {
        assertThat(check(withAction(action))).as(action).isNotEmpty();
    }

    @Test
    void reflectionIsNamed() {
        assertRefused(withAction("$f.getClass();"), "getClass");
        assertRefused(withAction("Object o = AdjustmentToleranceFact.class;"), "reflection");
    }

    @Test
    void loopsAreRefused() {
        assertRefused(withAction("while (true) { }"), "loops are not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.io.File", "java.lang.Runtime", "java.util.List", "org.kie.api.runtime.KieSession",
            "java.lang.reflect.Method", "java.net.*"})
    void importsOutsideTheAllowListAreRefused(String target) {
        assertRefused(HEAD + "import " + target + ";\n", "import " + target);
    }

    @Test
    void allowedImportsPass() {
        assertThat(check(HEAD + "import java.time.LocalDate;\nimport java.math.*;\n"
                + "import com.invgov.rules.model.EcoRoutingFact;\n")).isEmpty();
        assertRefused(HEAD + "import com.invgov.rules.internal.DrlCompiler;\n", "not allowed");
    }

    @Test
    void functionsQueriesGlobalsAndDeclaredTypesAreRefused() {
        assertRefused(HEAD + "function void f() { System.exit(0); }\n", "functions are not allowed");
        assertRefused(HEAD + "query \"all\"\n  $f : AdjustmentToleranceFact()\nend\n", "queries are not allowed");
        assertRefused(HEAD + "global java.util.List out;\n", "not allowed");
        assertRefused(HEAD + "declare Evil\n  name : String\nend\n", "declared types");
    }

    @Test
    void evalIsRefused() {
        assertRefused(withCondition("AdjustmentToleranceFact()\n    eval( 1 == 1 )"), "eval");
        assertRefused(withCondition("AdjustmentToleranceFact( eval(true) )"), "eval");
    }

    @Test
    void fullyQualifiedNamesAndForeignClassesInConditionsAreRefused() {
        assertRefused(withCondition("AdjustmentToleranceFact( java.lang.System.currentTimeMillis() > 0 )"),
                "fully-qualified");
        assertRefused(withCondition("AdjustmentToleranceFact( System.exit(0) == null )"), "System");
        assertRefused(withCondition("AdjustmentToleranceFact( abcClass.getClass() != null )"), "getClass");
        assertRefused(withCondition("AdjustmentToleranceFact( abcClass == Runtime.getRuntime().toString() )"),
                "Runtime");
        assertRefused(withCondition("java.io.File()"), "patterns may only match");
        assertRefused(withCondition("Object()"), "patterns may only match");
        assertRefused(withCondition("$s : String() from java.lang.System.getProperty(\"user.home\")"),
                "patterns may only match");
    }

    @Test
    void syntaxErrorsComeWithLineAndColumn() {
        List<RuleCompilationException.Error> errors = check(HEAD + "rule \"r\"\nwhen\n    AdjustmentToleranceFact( x == \nthen\nend\n");
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).line()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aRuleThatLoopsForeverViaModifyPassesTheCheckButIsCutOffByTheFireLimit() {
        String drl = """
                package com.example.loop;
                import com.invgov.rules.model.*;
                rule "loop"
                when
                    $f : AdjustmentToleranceFact()
                then
                    modify($f) { };
                end
                rule "loop 2"
                when
                    $d : AdjustmentToleranceDecision()
                then
                    update($d);
                end
                """;
        assertThat(check(drl)).isEmpty();
        DrlCompiler.Compiled compiled = new DrlCompiler().compile("adjustment-tolerance", "loop", drl);
        CompiledVersion version = new CompiledVersion("adjustment-tolerance", 9, compiled.kieBase(),
                compiled.ruleNames());
        Evaluator evaluator = new Evaluator(new RulesProperties(true, 500, Duration.ofSeconds(2)));
        AdjustmentToleranceFact fact = AdjustmentToleranceFact.of(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, "A",
                false, VarianceSource.MANUAL, false);
        long started = System.nanoTime();
        assertThatThrownBy(() -> evaluator.evaluate(RuleSetDefinitions.of("adjustment-tolerance"), version, fact))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("fired 500 times")
                .hasMessageContaining("version 9");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void compilerErrorsWithoutALineAreLocatedInTheSource() {
        String drl = HEAD + "rule \"r\"\nwhen\n    AdjustmentToleranceFact( nosuchField == 1 )\nthen\nend\n";
        assertThat(check(drl)).isEmpty();
        assertThatThrownBy(() -> new DrlCompiler().compile("adjustment-tolerance", "drl", drl))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors())
                        .anySatisfy(err -> {
                            assertThat(err.line()).isEqualTo(8);
                            assertThat(err.column()).isGreaterThan(0);
                        }));
    }
}
