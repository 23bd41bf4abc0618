package com.invgov.rules.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.rules.RuleDecision;
import com.invgov.rules.RuleSet;
import com.invgov.rules.table.RuleTable;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shipped version 1 of every rule set, made as the seeder makes it (default table → template → DRL) and
 * compiled once per test JVM, without Spring.
 */
final class DefaultRules {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final RuleTemplates TEMPLATES = new RuleTemplates(JSON, "");
    static final Evaluator EVALUATOR = new Evaluator(new RulesProperties(true, 1000, Duration.ofSeconds(2)));
    private static Map<String, CompiledVersion> compiled;

    private DefaultRules() {
    }

    static synchronized Map<String, CompiledVersion> compiled() {
        if (compiled == null) {
            Map<String, String> drls = new LinkedHashMap<>();
            RuleSetDefinitions.ALL.forEach(d -> drls.put(d.key(), drl(d.key())));
            Map<String, CompiledVersion> result = new LinkedHashMap<>();
            new DrlCompiler().compileAll(drls, k -> k).forEach((k, c) ->
                    result.put(k, new CompiledVersion(k, 1, c.kieBase(), c.ruleNames())));
            compiled = result;
        }
        return compiled;
    }

    static String drl(String key) {
        RuleSetDefinition<?, ?, ?> definition = RuleSetDefinitions.of(key);
        return TEMPLATES.render(definition, TEMPLATES.defaultTable(definition));
    }

    static RuleTable table(String key) {
        return TEMPLATES.defaultTable(RuleSetDefinitions.of(key));
    }

    static <F, D> RuleDecision<D> decide(RuleSet<F, D> ruleSet, F fact) {
        return EVALUATOR.evaluate(RuleSetDefinitions.of(ruleSet), compiled().get(ruleSet.key()), fact);
    }
}
