package com.invgov.rules.internal;

import com.invgov.rules.NewRuleSetVersion;
import com.invgov.rules.RuleCompilationException;
import com.invgov.rules.RuleFormat;
import com.invgov.rules.RuleSetBadRequest;
import com.invgov.rules.RuleTableInvalid;
import com.invgov.rules.table.TableError;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a new version passes before it is saved: a table is validated cell by cell and turned into DRL by
 * the template; DRL passes the static safety check; then either is compiled.
 */
@Component
class NewVersionCheck {

    static final int MAX_DRL_CHARS = 200_000;

    private final RuleTemplates templates;
    private final PublishedRuleSets published;

    NewVersionCheck(RuleTemplates templates, PublishedRuleSets published) {
        this.templates = templates;
        this.published = published;
    }

    record Checked(String drl, DrlCompiler.Compiled compiled) {
    }

    Checked checked(String key, NewRuleSetVersion request) {
        RuleSetDefinition<?, ?, ?> definition = RuleSetDefinitions.of(key);
        if (request == null || request.format() == null) {
            throw new RuleSetBadRequest("format must be TABLE or DRL");
        }
        if (request.comment() != null && request.comment().length() > 2000) {
            throw new RuleSetBadRequest("comment is longer than 2000 characters");
        }
        String drl;
        if (request.format() == RuleFormat.TABLE) {
            if (request.table() == null) {
                throw new RuleTableInvalid(key, List.of(new TableError("table", null, "table", "is required")));
            }
            if (!definition.tableType().isInstance(request.table())) {
                throw new RuleSetBadRequest("the table of " + key + " is a " + definition.tableType().getSimpleName());
            }
            drl = templates.render(definition, request.table());
        } else {
            drl = request.drl();
            if (drl == null || drl.isBlank()) {
                throw new RuleCompilationException(key, List.of(new RuleCompilationException.Error("drl", 0, 0,
                        "drl is required")));
            }
            if (drl.length() > MAX_DRL_CHARS) {
                throw new RuleCompilationException(key, List.of(new RuleCompilationException.Error("drl", 0, 0,
                        "DRL longer than " + MAX_DRL_CHARS + " characters")));
            }
        }
        List<RuleCompilationException.Error> errors = new ArrayList<>(DrlSafetyCheck.check(drl));
        String fact = definition.ruleSet().factType().getSimpleName();
        String decision = definition.ruleSet().decisionType().getSimpleName();
        if (errors.isEmpty() && (!drl.contains(fact) || !drl.contains(decision))) {
            errors.add(new RuleCompilationException.Error("drl", 0, 0, "the rules of " + key + " match " + fact
                    + " and insert " + decision));
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(key, errors);
        }
        return new Checked(drl, published.compileUnsaved(key, drl));
    }
}
