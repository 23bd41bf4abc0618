package com.invgov.rules.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.rules.RuleTableInvalid;
import com.invgov.rules.table.RuleTable;
import com.invgov.rules.table.TableError;
import org.drools.template.DataProviderCompiler;
import org.drools.template.objects.ArrayDataProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped rule templates ({@code rules/<ruleset>/<ruleset>.drt}) and default tables
 * ({@code rules/<ruleset>/default-table.json}): a validated table becomes DRL through Drools' rule templates.
 * Every cell is validated and typed before it reaches a template, so a cell cannot inject DRL.
 */
@Component
class RuleTemplates {

    private final ObjectMapper json;
    private final String overlay;
    private final Map<String, String> templates = new ConcurrentHashMap<>();

    /**
     * @param overlay a classpath folder whose {@code <ruleset>/} files replace the shipped ones (empty: none);
     *                used to start the product on other seed rules, e.g. broken ones in a test
     */
    RuleTemplates(ObjectMapper json, @org.springframework.beans.factory.annotation.Value("${invgov.rules.overlay-location:}") String overlay) {
        this.json = json;
        this.overlay = overlay.isBlank() || overlay.endsWith("/") ? overlay : overlay + "/";
    }

    /** The table shipped as version 1. */
    RuleTable defaultTable(RuleSetDefinition<?, ?, ?> definition) {
        try {
            return json.readValue(read(definition.folder() + "default-table.json"), definition.tableType());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default table of " + definition.key(), e);
        }
    }

    /** @throws RuleTableInvalid when a cell is invalid */
    String render(RuleSetDefinition<?, ?, ?> definition, RuleTable table) {
        List<TableError> errors = table.validate();
        if (!errors.isEmpty()) {
            throw new RuleTableInvalid(definition.key(), errors);
        }
        String template = templates.computeIfAbsent(definition.key(),
                k -> read(definition.folder() + k + ".drt"));
        List<String> columns = columns(template);
        String[][] rows = definition.rows(table).stream()
                .map(row -> columns.stream().map(c -> row.getOrDefault(c, "")).toArray(String[]::new))
                .toArray(String[][]::new);
        // the String overload reads a classpath resource of that name: hand over the text itself
        return new DataProviderCompiler().compile(new ArrayDataProvider(rows),
                new ByteArrayInputStream(template.getBytes(StandardCharsets.UTF_8)));
    }

    /** The column names listed after {@code template header}, up to the first blank line. */
    static List<String> columns(String template) {
        List<String> columns = new ArrayList<>();
        boolean inHeader = false;
        for (String line : template.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.equals("template header")) {
                inHeader = true;
            } else if (inHeader && trimmed.isEmpty()) {
                break;
            } else if (inHeader) {
                columns.add(trimmed);
            }
        }
        return columns;
    }

    private String read(String path) {
        try {
            if (!overlay.isBlank()) {
                ClassPathResource replaced = new ClassPathResource(overlay + path.substring(path.indexOf('/') + 1));
                if (replaced.exists()) {
                    return replaced.getContentAsString(StandardCharsets.UTF_8);
                }
            }
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
