package com.invgov.workflow.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The expression allowlist: process variables, literals and operators pass; member access and calls do not. */
class ExpressionCheckTest {

    private static final Set<String> STEPS = Set.of("postAdjustment");

    @ParameterizedTest
    @ValueSource(strings = {"${outcome == 'APPROVE'}", "${!approved}", "${approved && !mrbComplete}",
            "${next == 'RECOUNT'}", "${role}", "#{due}", "${amount > 1000.5 or empty note}",
            "${not (a eq b)}", "${x ? 'a}b' : (y)}", "${count + 1 >= 2e3}", "${flag == true || v == null}"})
    void readsOfProcessVariablesPass(String expression) {
        assertThat(ExpressionCheck.refusal(expression, STEPS)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${execution.getProcessEngineServices()}", "${execution}", "${task.name}",
            "${order.total}", "${order['total']}", "${fn:now()}", "${now()}", "${x ? a : b(c)}",
            "${postAdjustment}", "${a = 1}", "${a; b}", "${x -> x}", "${''.getClass()}", "${(x)(y)}",
            "${processEngineServices}", "${a instanceof b}"})
    void everythingElseIsRefused(String expression) {
        assertThat(ExpressionCheck.refusal(expression, STEPS)).as(expression).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"before ${a} after #{b}", "${'}'}"})
    void expressionsAreFoundInText(String text) {
        assertThat(ExpressionCheck.expressionsIn(text).problem()).isNull();
        assertThat(ExpressionCheck.expressionsIn(text).expressions()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${a", "x ${'}"})
    void anUnclosedExpressionIsAProblem(String text) {
        assertThat(ExpressionCheck.expressionsIn(text).problem()).contains("not closed");
    }
}
