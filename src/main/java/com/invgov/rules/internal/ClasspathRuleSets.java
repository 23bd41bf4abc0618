package com.invgov.rules.internal;

import com.invgov.rules.RuleSetCatalog;
import com.invgov.rules.RuleSetSummary;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule sets shipped under {@code rules/} (one folder per rule set), compiled when the application starts.
 * A rule that does not compile stops the start with the file and line named.
 */
@Component
class ClasspathRuleSets implements RuleSetCatalog {

    private static final Logger log = LoggerFactory.getLogger(ClasspathRuleSets.class);

    private final Map<String, RuleSetSummary> summaries = new ConcurrentHashMap<>();
    private final Map<String, KieBase> kieBases = new ConcurrentHashMap<>();

    ClasspathRuleSets(@Value("${invgov.rules.location:classpath*:rules/}") String location) {
        DrlCompiler compiler = new DrlCompiler();
        read(location).forEach((ruleSet, sources) -> {
            long started = System.nanoTime();
            DrlCompiler.Compiled compiled = compiler.compile(ruleSet, sources);
            kieBases.put(ruleSet, compiled.kieBase());
            summaries.put(ruleSet, new RuleSetSummary(ruleSet, 1, compiled.ruleNames(), List.copyOf(sources.keySet())));
            log.info("Compiled rule set {} ({} rules) in {} ms", ruleSet, compiled.ruleNames().size(),
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    @Override
    public List<RuleSetSummary> loaded() {
        return new TreeMap<>(summaries).values().stream().toList();
    }

    KieBase kieBase(String ruleSet) {
        KieBase kieBase = kieBases.get(ruleSet);
        if (kieBase == null) {
            throw new IllegalArgumentException("no rule set " + ruleSet);
        }
        return kieBase;
    }

    /** rule set (folder name) → source name → DRL */
    private static Map<String, Map<String, String>> read(String location) {
        String base = location.endsWith("/") ? location : location + "/";
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(base + "*/*.drl");
            Map<String, Map<String, String>> byRuleSet = new TreeMap<>();
            for (Resource resource : resources) {
                String path = resource.getURL().toString();
                String[] parts = path.split("/");
                String ruleSet = parts[parts.length - 2];
                String name = "rules/" + ruleSet + "/" + parts[parts.length - 1];
                byRuleSet.computeIfAbsent(ruleSet, k -> new LinkedHashMap<>())
                        .put(name, resource.getContentAsString(StandardCharsets.UTF_8));
            }
            return byRuleSet;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules from " + location, e);
        }
    }

    List<String> ruleSetKeys() {
        return new ArrayList<>(new TreeMap<>(summaries).keySet());
    }
}
