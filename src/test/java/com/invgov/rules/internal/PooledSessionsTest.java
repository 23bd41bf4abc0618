package com.invgov.rules.internal;

import com.invgov.rules.RuleDecision;
import com.invgov.rules.RuleEvaluationException;
import com.invgov.rules.model.AdjustmentOutcome;
import com.invgov.rules.model.AdjustmentToleranceDecision;
import com.invgov.rules.model.AdjustmentToleranceFact;
import com.invgov.rules.model.VarianceSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.invgov.rules.RuleSet.ADJUSTMENT_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decisions run on pooled sessions: nothing of one decision (facts, decisions, fired rules, a halt) may reach the
 * next one that gets the same session.
 */
class PooledSessionsTest {

    private static AdjustmentToleranceFact fact(String system, String counted, String abc) {
        return AdjustmentToleranceFact.of(new BigDecimal(system), new BigDecimal(counted), new BigDecimal("10"), abc,
                false, VarianceSource.CYCLE_COUNT, false);
    }

    @Test
    void manyDecisionsOnFewSessionsFromSeveralThreadsEachSeeOnlyTheirOwnFact() throws Exception {
        // three facts with three different answers, decided over and over in turn
        List<AdjustmentToleranceFact> facts = List.of(fact("100", "100", "C"), fact("100", "99", "C"),
                fact("100", "10", "C"));
        List<RuleDecision<AdjustmentToleranceDecision>> expected = facts.stream()
                .map(f -> DefaultRules.decide(ADJUSTMENT_TOLERANCE, f)).toList();
        assertThat(expected).extracting(d -> d.decision().outcome())
                .containsExactly(AdjustmentOutcome.NO_VARIANCE, AdjustmentOutcome.AUTO_APPROVE,
                        AdjustmentOutcome.RECOUNT);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int which = (i + offset) % facts.size();
                        RuleDecision<AdjustmentToleranceDecision> d =
                                DefaultRules.decide(ADJUSTMENT_TOLERANCE, facts.get(which));
                        assertThat(d.decision()).isEqualTo(expected.get(which).decision());
                        assertThat(d.firedRules()).isEqualTo(expected.get(which).firedRules());
                    }
                    return 300;
                }));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isEqualTo(300);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDecisionCutOffInALoopLeavesNoHaltedSessionForTheNextOne() {
        String drl = """
                package com.example.pool;
                import com.invgov.rules.model.*;
                rule "loop on A"
                when
                    $f : AdjustmentToleranceFact( abcClass == "A" )
                then
                    modify($f) { };
                end
                rule "decide on C"
                when
                    AdjustmentToleranceFact( abcClass == "C" )
                then
                    insert(AdjustmentToleranceDecision.of(AdjustmentOutcome.AUTO_APPROVE));
                end
                """;
        DrlCompiler.Compiled compiled = new DrlCompiler().compile("adjustment-tolerance", "pool", drl);
        CompiledVersion version = new CompiledVersion("adjustment-tolerance", 7, compiled.kieBase(),
                compiled.ruleNames());
        Evaluator evaluator = new Evaluator(new RulesProperties(true, 50, Duration.ofSeconds(2)));
        var definition = RuleSetDefinitions.of("adjustment-tolerance");

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> evaluator.evaluate(definition, version, fact("100", "99", "A")))
                    .isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining("fired 50 times");
            RuleDecision<?> after = evaluator.evaluate(definition, version, fact("100", "99", "C"));
            assertThat(after.firedRules()).containsExactly("decide on C");
            assertThat(after.decision()).isEqualTo(AdjustmentToleranceDecision.of(AdjustmentOutcome.AUTO_APPROVE));
        }
    }
}
