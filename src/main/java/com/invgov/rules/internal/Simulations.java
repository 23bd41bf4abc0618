package com.invgov.rules.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.api.DecimalLimits;
import com.invgov.rules.RuleSetBadRequest;
import com.invgov.rules.SimulationResult;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where simulated facts come from: the decision log (last N) or an uploaded CSV. */
@Component
class Simulations {

    private final DecisionLog decisionLog;
    private final PublishedRuleSets published;
    private final Evaluator evaluator;
    private final ObjectMapper json;

    Simulations(DecisionLog decisionLog, PublishedRuleSets published, Evaluator evaluator, ObjectMapper json) {
        this.decisionLog = decisionLog;
        this.published = published;
        this.evaluator = evaluator;
        this.json = json;
    }

    SimulationResult lastDecisions(String key, RuleSetStore.Row version, int lastDecisions) {
        RuleSetDefinition<?, ?, ?> definition = RuleSetDefinitions.of(key);
        if (lastDecisions < 1 || lastDecisions > FactsCsv.MAX_ROWS) {
            throw new RuleSetBadRequest("lastDecisions must be between 1 and " + FactsCsv.MAX_ROWS);
        }
        List<Simulator.Input> inputs = decisionLog.last(key, lastDecisions).stream()
                .map(e -> new Simulator.Input(e.subject(), readFact(definition, e.factsJson())))
                .toList();
        return simulate(definition, version, inputs);
    }

    SimulationResult csv(String key, RuleSetStore.Row version, String csv) {
        RuleSetDefinition<?, ?, ?> definition = RuleSetDefinitions.of(key);
        Set<String> fields = Stream.of(definition.ruleSet().factType().getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Map<String, String>> rows = FactsCsv.read(csv, fields);
        List<Simulator.Input> inputs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            numbers(definition.ruleSet().factType(), rows.get(i), i + 2);
            try {
                inputs.add(new Simulator.Input("csv line " + (i + 2),
                        json.convertValue(rows.get(i), definition.ruleSet().factType())));
            } catch (IllegalArgumentException e) {
                throw new RuleSetBadRequest("CSV line " + (i + 2) + " is not a " + definition.ruleSet().factType()
                        .getSimpleName() + ": " + rootMessage(e));
            }
        }
        return simulate(definition, version, inputs);
    }

    /**
     * The decimal cells of a CSV line within {@link DecimalLimits}: a fact of 1e999999999 would be decided on and
     * then fail to be written out.
     */
    private static void numbers(Class<?> factType, Map<String, String> row, int line) {
        for (RecordComponent field : factType.getRecordComponents()) {
            String cell = row.get(field.getName());
            if (cell != null && field.getType() == BigDecimal.class) {
                try {
                    DecimalLimits.parse(cell);
                } catch (NumberFormatException e) {
                    throw new RuleSetBadRequest("CSV line " + line + ": " + field.getName() + " " + e.getMessage());
                }
            }
        }
    }

    private SimulationResult simulate(RuleSetDefinition<?, ?, ?> definition, RuleSetStore.Row version,
                                      List<Simulator.Input> inputs) {
        CompiledVersion candidate = published.compiled(definition.key(), version.version(), version.drl());
        return Simulator.run(evaluator, definition, candidate, published.current(definition.key()), inputs, json);
    }

    private Object readFact(RuleSetDefinition<?, ?, ?> definition, String factJson) {
        try {
            return json.readValue(factJson, definition.ruleSet().factType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a logged fact of " + definition.key() + " cannot be read", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
