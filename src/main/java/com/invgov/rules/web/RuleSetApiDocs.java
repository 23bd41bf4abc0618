package com.invgov.rules.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.rules.RuleSet;
import com.invgov.rules.RuleSetVersions;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the TABLE shape of every rule set, its fact and decision classes and a DRL example (the DRL its default
 * table generates, so it always compiles) into the OpenAPI description of {@code POST .../versions}.
 */
@Component
class RuleSetApiDocs implements OpenApiCustomizer {

    static final String PLACEHOLDER = "Body: {\"format\": \"TABLE\", \"comment\", \"table\": {...}} or "
            + "{\"format\": \"DRL\", \"comment\", \"drl\": \"...\"}. Answers 201 with the DRAFT version; "
            + "422 validation naming row and field, or 422 rule-compilation with line and column.";

    private final RuleSetVersions versions;
    private final ObjectMapper json;

    RuleSetApiDocs(RuleSetVersions versions, ObjectMapper json) {
        this.versions = versions;
        this.json = json;
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        PathItem path = openApi.getPaths().get("/api/v1/rulesets/{key}/versions");
        Operation post = path == null ? null : path.getPost();
        if (post != null) {
            post.setDescription(description());
        }
    }

    String description() {
        StringBuilder out = new StringBuilder(PLACEHOLDER).append("\n\n")
                .append("DRL is checked before it is compiled: imports only from com.invgov.rules.model, java.math "
                        + "and java.time; no function, query, global, declare or eval; actions may call only insert, "
                        + "modify, update, delete, retract and methods of the fact and decision classes, Math, "
                        + "java.math and java.time.\n");
        for (RuleSet<?, ?> ruleSet : RuleSet.all()) {
            out.append("\n## ").append(ruleSet.key()).append("\n\n")
                    .append("Fact `").append(ruleSet.factType().getSimpleName()).append("`: ")
                    .append(fields(ruleSet.factType())).append("\n\n")
                    .append("Decision `").append(ruleSet.decisionType().getSimpleName()).append("`: ")
                    .append(fields(ruleSet.decisionType())).append("\n\n")
                    .append("TABLE (the shipped default, `").append(versions.tableType(ruleSet.key()).getSimpleName())
                    .append("`):\n\n```json\n").append(pretty(versions.defaultTable(ruleSet.key())))
                    .append("\n```\n\nDRL example (what that table generates):\n\n```\n")
                    .append(versions.drlOf(ruleSet.key(), versions.defaultTable(ruleSet.key())).strip())
                    .append("\n```\n");
        }
        return out.toString();
    }

    private static String fields(Class<?> type) {
        return Stream.of(type.getRecordComponents())
                .map(c -> c.getName() + " (" + c.getGenericType().getTypeName()
                        .replace("java.lang.", "").replace("java.util.", "").replace("java.math.", "")
                        .replace("com.invgov.rules.model.", "") + ")")
                .collect(Collectors.joining(", "));
    }

    private String pretty(Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

}
