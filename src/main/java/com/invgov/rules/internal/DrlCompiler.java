package com.invgov.rules.internal;

import com.invgov.rules.RuleCompilationException;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles DRL into KieBases with Drools' executable model (drools-engine 10 has no MVEL build path). Each build
 * gets its own release id, so versions never share a container; several rule sets can be built in one pass,
 * which saves most of the compiler's fixed cost at start-up.
 */
class DrlCompiler {

    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String PATH_PREFIX = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

    /** A compiled rule set. */
    record Compiled(KieBase kieBase, List<String> ruleNames) {
    }

    /** Compiles one DRL; the source name appears in error messages. */
    Compiled compile(String ruleSet, String sourceName, String drl) {
        return compileAll(Map.of(ruleSet, drl), k -> sourceName).get(ruleSet);
    }

    /** Test and seed helper: name → DRL, compiled together. */
    Compiled compile(String ruleSet, Map<String, String> sources) {
        if (sources.size() != 1) {
            throw new IllegalArgumentException("one DRL per rule set");
        }
        Map.Entry<String, String> only = sources.entrySet().iterator().next();
        return compile(ruleSet, only.getKey(), only.getValue());
    }

    /**
     * Compiles several rule sets in one build when their DRL packages differ (else one by one).
     *
     * @param drls rule set key → DRL
     * @throws RuleCompilationException for the first rule set that does not compile
     */
    Map<String, Compiled> compileAll(Map<String, String> drls, java.util.function.Function<String, String> sourceNames) {
        Map<String, String> packages = new LinkedHashMap<>();
        drls.forEach((key, drl) -> {
            Matcher m = PACKAGE.matcher(drl);
            packages.put(key, m.find() ? m.group(1) : "");
        });
        if (drls.size() > 1 && new HashSet<>(packages.values()).size() < drls.size()) {
            Map<String, Compiled> result = new LinkedHashMap<>();
            drls.forEach((key, drl) -> result.putAll(compileAll(Map.of(key, drl), sourceNames)));
            return result;
        }
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId("com.invgov.rules", "build", "1." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        KieModuleModel module = kie.newKieModuleModel();
        Map<String, String> paths = new LinkedHashMap<>();
        drls.forEach((key, drl) -> {
            String path = "rules/" + artifact(key) + "/" + artifact(key) + ".drl";
            paths.put(PATH_PREFIX + path, key);
            files.write(PATH_PREFIX + path, drl);
            module.newKieBaseModel(kieBaseName(key)).addPackage(packages.get(key).isEmpty() ? "*" : packages.get(key));
        });
        files.writeKModuleXML(module.toXML());
        KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            if (drls.size() > 1) {
                // say which rule set is wrong, with its own line numbers
                Map<String, Compiled> result = new LinkedHashMap<>();
                drls.forEach((key, drl) -> result.putAll(compileAll(Map.of(key, drl), sourceNames)));
                return result;
            }
            String key = drls.keySet().iterator().next();
            String drl = drls.get(key);
            throw new RuleCompilationException(key, errors.stream()
                    .map(m -> located(sourceNames.apply(key), drl, m))
                    .distinct()
                    .toList());
        }
        KieContainer container = kie.newKieContainer(releaseId);
        Map<String, Compiled> result = new LinkedHashMap<>();
        drls.keySet().forEach(key -> {
            KieBase kieBase = container.getKieBase(kieBaseName(key));
            result.put(key, new Compiled(kieBase, ruleNames(kieBase)));
        });
        kie.getRepository().removeKieModule(releaseId);
        return result;
    }

    private static List<String> ruleNames(KieBase kieBase) {
        return kieBase.getKiePackages().stream()
                .map(KiePackage::getRules)
                .flatMap(Collection::stream)
                .map(Rule::getName)
                .sorted()
                .toList();
    }

    /**
     * The executable model reports many semantic errors without a line; find the expression it names in the
     * source so the author still sees where.
     */
    private static RuleCompilationException.Error located(String source, String drl, Message message) {
        int line = message.getLine();
        int column = message.getColumn();
        String text = message.getText() == null ? "" : message.getText().strip();
        if (line <= 0) {
            int colon = text.lastIndexOf(": ");
            String snippet = colon < 0 ? "" : text.substring(colon + 2).strip();
            int at = snippet.length() >= 3 ? drl.indexOf(snippet) : -1;
            if (at >= 0) {
                line = (int) drl.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
                column = at - drl.lastIndexOf('\n', at - 1);
            } else {
                line = 0;
                column = 0;
            }
        }
        return new RuleCompilationException.Error(source, line, Math.max(column, 0), text.lines().findFirst().orElse(text));
    }

    private static String kieBaseName(String key) {
        return "kb_" + artifact(key).replace('-', '_').replace('.', '_');
    }

    private static String artifact(String ruleSet) {
        return ruleSet.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
