package com.invgov.rules.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.rules.RuleFormat;
import com.invgov.rules.VersionStatus;
import com.invgov.rules.table.RuleTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * At first start, each rule set gets version 1 from {@code rules/}: the default table turned into DRL by the
 * template, published, author {@code system}. Later starts change nothing (the database is the truth); two
 * nodes starting together insert it once.
 */
@Component
class RuleSetSeeder {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(RuleSetSeeder.class);

    private final RuleSetStore store;
    private final RuleTemplates templates;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RuleSetSeeder(RuleSetStore store, RuleTemplates templates, ObjectMapper json, TransactionTemplate transaction,
                  Clock clock) {
        this.store = store;
        this.templates = templates;
        this.json = json;
        this.transaction = transaction;
        this.clock = clock;
    }

    void seed() {
        for (RuleSetDefinition<?, ?, ?> definition : RuleSetDefinitions.ALL) {
            transaction.executeWithoutResult(tx -> {
                store.ensureRuleSet(definition.key(), definition.ruleSet().name());
                if (store.hasVersions(definition.key())) {
                    return;
                }
                RuleTable table = templates.defaultTable(definition);
                String drl = templates.render(definition, table);
                boolean inserted = store.insert(new RuleSetStore.Row(definition.key(), 1, VersionStatus.PUBLISHED,
                        RuleFormat.TABLE, write(table), drl, "Default policy of DESIGN §5, shipped in rules/",
                        SYSTEM, clock.instant(), SYSTEM, clock.instant(), null));
                if (inserted) {
                    log.info("Seeded rule set {} version 1 from rules/{}", definition.key(), definition.key());
                }
            });
        }
    }

    private String write(RuleTable table) {
        try {
            return json.writeValueAsString(table);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
