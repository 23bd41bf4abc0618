package com.invgov.rules.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.audit.AuditTrail;
import com.invgov.rules.DiffLine;
import com.invgov.rules.FourEyesRequired;
import com.invgov.rules.NewRuleSetVersion;
import com.invgov.rules.RuleFormat;
import com.invgov.rules.RuleSetNotFound;
import com.invgov.rules.RuleSetOverview;
import com.invgov.rules.RuleSetVersion;
import com.invgov.rules.RuleSetVersionCreated;
import com.invgov.rules.RuleSetVersionPublished;
import com.invgov.rules.RuleSetVersions;
import com.invgov.rules.RuleVersionConflict;
import com.invgov.rules.SimulationResult;
import com.invgov.rules.VersionStatus;
import com.invgov.rules.table.RuleTable;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.invgov.security.Users;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions, checks, simulation and publishing of rule sets; authorization is checked here (DESIGN §7). */
@Service
class RuleSetVersionService implements RuleSetVersions {

    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    /** How many of the latest decisions' facts a version must get through before it is published. */
    private static final int PUBLISH_TRIAL = 200;

    private final RuleSetStore store;
    private final PublishedRuleSets published;
    private final RuleTemplates templates;
    private final NewVersionCheck check;
    private final Simulations simulations;
    private final CurrentUser user;
    private final RulesProperties properties;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditTrail audit;
    private final Users users;

    RuleSetVersionService(RuleSetStore store, PublishedRuleSets published,
                          RuleTemplates templates, NewVersionCheck check, Simulations simulations, CurrentUser user,
                          RulesProperties properties,
                          TransactionTemplate transaction, ApplicationEventPublisher events, ObjectMapper json,
                          Clock clock, AuditTrail audit, Users users) {
        this.users = users;
        this.audit = audit;
        this.store = store;
        this.published = published;
        this.templates = templates;
        this.check = check;
        this.simulations = simulations;
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

    /**
     * Work on this node's compiled rule sets that must see the database as committed: after the commit of the
     * caller's transaction when there is one (a call with an Idempotency-Key runs in one), else at once.
     */
    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
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
        return check.checked(key, request).drl();
    }

    @Override
    public RuleSetVersion createVersion(String key, NewRuleSetVersion request) {
        user.requireAnyRole("write rules", Role.ADMIN);
        String author = user.requireUsername();
        NewVersionCheck.Checked checked = check.checked(key, request);
        String table = request.format() == RuleFormat.TABLE ? writeTable(request.table()) : null;
        int version = transaction.execute(tx -> {
            store.lock(key);
            int next = store.nextVersion(key);
            store.insert(new RuleSetStore.Row(key, next, VersionStatus.DRAFT, request.format(), table, checked.drl(),
                    request.comment(), author, clock.instant(), null, null, null));
            events.publishEvent(new RuleSetVersionCreated(key, next, request.format(), author, request.comment()));
            audit.record("RULESET_VERSION_SAVED", "ruleset", key, null,
                    savedVersion(next, request, checked.drl()), request.comment());
            return next;
        });
        // a number rolled back with its version (the caller's transaction, e.g. an idempotent call's, may still fail)
        // would be given again to other DRL: the compilation is kept only once the version is committed
        afterCommit(() -> published.remember(key, version, checked.compiled()));
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
        if (properties.fourEyes() && users.vouchedBy(publisher).contains(row.author())) {
            throw new FourEyesRequired(key, version, row.author(), publisher);
        }
        // compile before the commit, so the swap after it is instant
        published.compiled(key, version, row.drl());
        // a version that fails on the facts it will meet would fail every call that asks it (a count, a receipt)
        SimulationResult trial = simulations.lastDecisions(key, row, PUBLISH_TRIAL);
        SimulationResult.OutcomeCount failed = trial.byOutcome().get("ERROR");
        if (failed != null && failed.candidate() > 0) {
            String example = trial.examples().stream().map(SimulationResult.Case::error)
                    .filter(java.util.Objects::nonNull).findFirst().orElse("");
            throw new RuleVersionConflict("Version " + version + " of '" + key + "' fails on " + failed.candidate()
                    + " of the last " + trial.cases() + " decisions' facts and is not published: " + example);
        }
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
            audit.record("RULESET_VERSION_PUBLISHED", "ruleset", key,
                    Collections.singletonMap("publishedVersion", previous),
                    Collections.singletonMap("publishedVersion", version), null);
        });
        afterCommit(() -> published.refresh(key));
        return detail(key, version);
    }

    /**
     * What the audit trail keeps of a saved version: its number, format and comment, and what decides: the table
     * of a TABLE version (its DRL is generated from it), the DRL of a DRL version.
     */
    private static Map<String, Object> savedVersion(int version, NewRuleSetVersion request, String drl) {
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("version", version);
        saved.put("status", VersionStatus.DRAFT);
        saved.put("format", request.format());
        saved.put("comment", request.comment());
        if (request.format() == RuleFormat.TABLE) {
            saved.put("table", request.table());
        } else {
            saved.put("drl", drl);
        }
        return saved;
    }

    // ---- simulation -----------------------------------------------------------------------------------------

    /**
     * Who replays the last decisions' facts: every role but OPERATOR. Those facts are counts' system and counted
     * quantities, and counts are blind (DESIGN §5.2): a recounter must not read what the first count found. Facts
     * of one's own (a CSV) every reader may simulate.
     */
    private static final Role[] DECISION_READERS = java.util.EnumSet.complementOf(java.util.EnumSet.of(Role.OPERATOR))
            .toArray(Role[]::new);

    @Override
    public SimulationResult simulateLastDecisions(String key, int version, int lastDecisions) {
        user.requireAnyRole("replay the facts of recent decisions", DECISION_READERS);
        return simulations.lastDecisions(key, simulated(key, version), lastDecisions);
    }

    @Override
    public SimulationResult simulateCsv(String key, int version, String csv) {
        return simulations.csv(key, simulated(key, version), csv);
    }

    /**
     * A version to simulate: a draft written as DRL is code no second ADMIN has looked at yet, and simulating runs
     * it, so only ADMINs simulate those; table drafts (generated from the rule template) and published or retired
     * versions every reader may.
     */
    private RuleSetStore.Row simulated(String key, int version) {
        requireReader();
        RuleSetStore.Row row = row(key, version);
        if (row.status() == VersionStatus.DRAFT && row.format() == RuleFormat.DRL) {
            user.requireAnyRole("simulate a draft of rules", Role.ADMIN);
        }
        return row;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void requireReader() {
        user.requireAnyRole("read rule sets", Role.values());
    }

    private RuleSetStore.Row row(String key, int version) {
        return store.find(key, version).orElseThrow(() ->
                new RuleSetNotFound("Rule set '" + key + "' has no version " + version));
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

}
