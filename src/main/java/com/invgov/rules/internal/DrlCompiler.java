package com.invgov.rules.internal;

import com.invgov.rules.RuleCompilationException;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles DRL sources into a KieBase with Drools' executable model. Each compilation gets its own release id,
 * so versions of one rule set never share a container.
 */
class DrlCompiler {

    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String PATH_PREFIX = "src/main/resources/";

    /** A compiled rule set. */
    record Compiled(KieBase kieBase, List<String> ruleNames) {
    }

    /**
     * @param sources source name (e.g. {@code rules/x/x.drl}) to DRL text; names appear in error messages
     */
    Compiled compile(String ruleSet, Map<String, String> sources) {
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId("com.invgov.rules", artifact(ruleSet), "1." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        sources.forEach((name, drl) -> files.write(PATH_PREFIX + name, drl));
        KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(ruleSet, errors.stream()
                    .map(m -> locate(m, sources))
                    .toList());
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        kie.getRepository().removeKieModule(releaseId);
        List<String> names = kieBase.getKiePackages().stream()
                .map(KiePackage::getRules)
                .flatMap(java.util.Collection::stream)
                .map(Rule::getName)
                .sorted()
                .toList();
        return new Compiled(kieBase, names);
    }

    /**
     * The executable model reports many semantic errors without a line (-1); those name the offending expression
     * at the end of their text, so the line is found by looking for it in the source.
     */
    static RuleCompilationException.Error locate(Message message, Map<String, String> sources) {
        String source = source(message);
        String text = message.getText() == null ? "" : message.getText().trim();
        if (message.getLine() > 0) {
            return new RuleCompilationException.Error(source, message.getLine(), Math.max(message.getColumn(), 0), text);
        }
        String drl = sources.get(source);
        int colon = text.lastIndexOf(": ");
        String snippet = colon < 0 ? "" : text.substring(colon + 2).trim();
        if (drl != null && !snippet.isEmpty()) {
            String[] lines = drl.split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                int at = lines[i].indexOf(snippet);
                if (at >= 0) {
                    return new RuleCompilationException.Error(source, i + 1, at + 1, text);
                }
            }
        }
        return new RuleCompilationException.Error(source, 0, 0, text);
    }

    private static String source(Message message) {
        String path = message.getPath();
        if (path == null) {
            return "(generated code)";
        }
        return path.startsWith(PATH_PREFIX) ? path.substring(PATH_PREFIX.length()) : path;
    }

    private static String artifact(String ruleSet) {
        return ruleSet.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
