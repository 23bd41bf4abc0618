package com.invgov.rules.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.rules.DiffLine;
import com.invgov.rules.FourEyesRequired;
import com.invgov.rules.NewRuleSetVersion;
import com.invgov.rules.RuleCompilationException;
import com.invgov.rules.RuleFormat;
import com.invgov.rules.RuleSetBadRequest;
import com.invgov.rules.RuleSetNotFound;
import com.invgov.rules.RuleSetOverview;
import com.invgov.rules.RuleSetVersion;
import com.invgov.rules.RuleSetVersionCreated;
import com.invgov.rules.RuleSetVersionPublished;
import com.invgov.rules.RuleSetVersions;
import com.invgov.rules.RuleTableInvalid;
import com.invgov.rules.RuleVersionConflict;
import com.invgov.rules.SimulationResult;
import com.invgov.rules.VersionStatus;
import com.invgov.rules.table.RuleTable;
import com.invgov.rules.table.TableError;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Versions, checks, simulation and publishing of rule sets; authorization is checked here (DESIGN §7). */
@Service
class RuleSetVersionService implements RuleSetVersions {

    static final int MAX_DRL_CHARS = 200_000;
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

    private final RuleSetStore store;
    private final DecisionLog decisionLog;
    private final PublishedRuleSets published;
    private final RuleTemplates templates;
    private final Evaluator evaluator;
    private final CurrentUser user;
    private final RulesProperties properties;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    RuleSetVersionService(RuleSetStore store, DecisionLog decisionLog, PublishedRuleSets published,
                          RuleTemplates templates, Evaluator evaluator, CurrentUser user, RulesProperties properties,
                          TransactionTemplate transaction, ApplicationEventPublisher events, ObjectMapper json,
                          Clock clock) {
        this.store = store;
        this.decisionLog = decisionLog;
        this.published = published;
        this.templates = templates;
        this.evaluator = evaluator;
        this.user = user;
        this.properties = properties;
        this.transaction = transaction;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    @Override
    public List<RuleSetOverview> ruleSets() {
        requireReader();
        return RuleSetDefinitions.ALL.stream().map(d -> overview(d.key())).toList();
    }

    @Override
    public RuleSetOverview ruleSet(String key) {
        requireReader();
        RuleSetDefinitions.of(key);
        return overview(key);
    }

    private RuleSetOverview overview(String key) {
        List<RuleSetStore.Row> rows = store.versions(key);
        Optional<RuleSetStore.Row> pub = rows.stream().filter(r -> r.status() == VersionStatus.PUBLISHED).findFirst();
        return new RuleSetOverview(key, RuleSetDefinitions.of(key).ruleSet().name(),
                pub.map(RuleSetStore.Row::version).orElse(null), pub.map(RuleSetStore.Row::publishedBy).orElse(null),
                pub.map(RuleSetStore.Row::publishedAt).orElse(null), rows.isEmpty() ? 0 : rows.get(0).version(),
                (int) rows.stream().filter(r -> r.status() == VersionStatus.DRAFT).count());
    }

    @Override
    public List<RuleSetVersion> versions(String key) {
        requireReader();
        RuleSetDefinitions.of(key);
        return store.versions(key).stream().map(r -> view(r, null)).toList();
    }

    @Override
    public RuleSetVersion version(String key, int version) {
        requireReader();
        RuleSetDefinitions.of(key);
        return detail(key, version);
    }

    private RuleSetVersion detail(String key, int version) {
        RuleSetStore.Row row = row(key, version);
        return view(row, store.find(key, version - 1).orElse(null));
    }

    private RuleSetVersion view(RuleSetStore.Row row, RuleSetStore.Row previous) {
        RuleTable table = row.tableJson() == null ? null : readTable(row.ruleSet(), row.tableJson());
        List<String> rules = new ArrayList<>();
        Matcher m = RULE_NAME.matcher(row.drl());
        while (m.find()) {
            rules.add(m.group(1));
        }
        List<DiffLine> diff = previous == null ? List.of() : LineDiff.diff(previous.drl(), row.drl());
        return new RuleSetVersion(row.ruleSet(), row.version(), row.status(), row.format(), table, row.drl(),
                row.comment(), row.author(), row.createdAt(), row.publishedBy(), row.publishedAt(), row.retiredAt(),
                rules, previous == null ? null : previous.version(), diff);
    }

    @Override
    public Class<? extends RuleTable> tableType(String key) {
        return RuleSetDefinitions.of(key).tableType();
    }

    @Override
    public RuleTable defaultTable(String key) {
        return templates.defaultTable(RuleSetDefinitions.of(key));
    }

    @Override
    public String drlOf(String key, RuleTable table) {
        return templates.render(RuleSetDefinitions.of(key), table);
    }

    @Override
    public boolean fourEyes() {
        return properties.fourEyes();
    }

    // ---- writes ---------------------------------------------------------------------------------------------

    @Override
    public String check(String key, NewRuleSetVersion request) {
        user.requireAnyRole("check rules", Role.ADMIN);
        return checked(key, request).drl;
    }

    private record Checked(String drl, DrlCompiler.Compiled compiled) {
    }

    private Checked checked(String key, NewRuleSetVersion request) {
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

    @Override
    public RuleSetVersion createVersion(String key, NewRuleSetVersion request) {
        user.requireAnyRole("write rules", Role.ADMIN);
        String author = user.requireUsername();
        Checked checked = checked(key, request);
        String table = request.format() == RuleFormat.TABLE ? writeTable(request.table()) : null;
        int version = transaction.execute(tx -> {
            store.lock(key);
            int next = store.nextVersion(key);
            store.insert(new RuleSetStore.Row(key, next, VersionStatus.DRAFT, request.format(), table, checked.drl(),
                    request.comment(), author, clock.instant(), null, null, null));
            events.publishEvent(new RuleSetVersionCreated(key, next, request.format(), author, request.comment()));
            return next;
        });
        published.remember(key, version, checked.compiled());
        return detail(key, version);
    }

    @Override
    public RuleSetVersion publish(String key, int version) {
        user.requireAnyRole("publish rules", Role.ADMIN);
        String publisher = user.requireUsername();
        RuleSetDefinitions.of(key);
        RuleSetStore.Row row = row(key, version);
        if (properties.fourEyes() && row.author().equals(publisher)) {
            throw new FourEyesRequired(key, version, row.author());
        }
        // compile before the commit, so the swap after it is instant
        published.compiled(key, version, row.drl());
        Instant now = clock.instant();
        transaction.executeWithoutResult(tx -> {
            store.lock(key);
            RuleSetStore.Row current = row(key, version);
            if (current.status() == VersionStatus.PUBLISHED) {
                throw new RuleVersionConflict("Version " + version + " of '" + key + "' is published already");
            }
            Integer previous = store.published(key).map(RuleSetStore.Row::version).orElse(null);
            store.publish(key, version, publisher, now);
            events.publishEvent(new RuleSetVersionPublished(key, version, previous, publisher));
        });
        published.refresh(key);
        return detail(key, version);
    }

    // ---- simulation -----------------------------------------------------------------------------------------

    @Override
    public SimulationResult simulateLastDecisions(String key, int version, int lastDecisions) {
        requireReader();
        RuleSetDefinition<?, ?, ?> definition = RuleSetDefinitions.of(key);
        if (lastDecisions < 1 || lastDecisions > FactsCsv.MAX_ROWS) {
            throw new RuleSetBadRequest("lastDecisions must be between 1 and " + FactsCsv.MAX_ROWS);
        }
        List<Simulator.Input> inputs = decisionLog.last(key, lastDecisions).stream()
                .map(e -> new Simulator.Input(e.subject(), readFact(definition, e.factsJson())))
                .toList();
        return simulate(definition, version, inputs);
    }

    @Override
    public SimulationResult simulateCsv(String key, int version, String csv) {
        requireReader();
        RuleSetDefinition<?, ?, ?> definition = RuleSetDefinitions.of(key);
        Set<String> fields = Stream.of(definition.ruleSet().factType().getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<Map<String, String>> rows = FactsCsv.read(csv, fields);
        List<Simulator.Input> inputs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
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

    private SimulationResult simulate(RuleSetDefinition<?, ?, ?> definition, int version,
                                      List<Simulator.Input> inputs) {
        RuleSetStore.Row row = row(definition.key(), version);
        CompiledVersion candidate = published.compiled(definition.key(), version, row.drl());
        return Simulator.run(evaluator, definition, candidate, published.current(definition.key()), inputs, json);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void requireReader() {
        user.requireAnyRole("read rule sets", Role.values());
    }

    private RuleSetStore.Row row(String key, int version) {
        return store.find(key, version).orElseThrow(() ->
                new RuleSetNotFound("Rule set '" + key + "' has no version " + version));
    }

    private Object readFact(RuleSetDefinition<?, ?, ?> definition, String factJson) {
        try {
            return json.readValue(factJson, definition.ruleSet().factType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a logged fact of " + definition.key() + " cannot be read", e);
        }
    }

    private RuleTable readTable(String key, String tableJson) {
        try {
            return json.readValue(tableJson, RuleSetDefinitions.of(key).tableType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored table of " + key + " cannot be read", e);
        }
    }

    private String writeTable(RuleTable table) {
        try {
            return json.writeValueAsString(table);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
