package com.invgov.rules.internal;

import com.invgov.rules.RuleCompilationException.Error;
import com.invgov.rules.model.AdjustmentOutcome;
import com.invgov.rules.model.AdjustmentToleranceDecision;
import com.invgov.rules.model.AdjustmentToleranceFact;
import com.invgov.rules.model.CountTrigger;
import com.invgov.rules.model.CycleCountDecision;
import com.invgov.rules.model.CycleCountFact;
import com.invgov.rules.model.Disposition;
import com.invgov.rules.model.EcoRoutingDecision;
import com.invgov.rules.model.EcoRoutingFact;
import com.invgov.rules.model.InspectionReason;
import com.invgov.rules.model.QualityDispositionDecision;
import com.invgov.rules.model.QualityDispositionFact;
import com.invgov.rules.model.ReceiptOutcome;
import com.invgov.rules.model.ReceiptToleranceDecision;
import com.invgov.rules.model.ReceiptToleranceFact;
import com.invgov.rules.model.ReceivingInspectionDecision;
import com.invgov.rules.model.ReceivingInspectionFact;
import com.invgov.rules.model.VarianceSource;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The static check every DRL passes before it is compiled (DESIGN §7: Drools has no sandbox, this is the wall).
 * Allowed: imports of the fact and decision classes, {@code java.math} and {@code java.time}; patterns over the
 * fact and decision classes; constraints and right-hand sides that call only methods of those classes,
 * {@code Math}, {@code java.math} and {@code java.time}, and {@code insert/modify/update/delete/retract}.
 * Refused: functions, queries, globals, declared types, {@code eval}, inline accumulate code, fully-qualified
 * names, reflection, loops, lambdas and any name that is not a binding, a local variable or an allowed class.
 */
final class DrlSafetyCheck {

    static final List<Class<?>> MODEL_CLASSES = List.of(AdjustmentToleranceFact.class,
            AdjustmentToleranceDecision.class, AdjustmentOutcome.class, VarianceSource.class, CycleCountFact.class,
            CycleCountDecision.class, CountTrigger.class, ReceivingInspectionFact.class,
            ReceivingInspectionDecision.class, InspectionReason.class, ReceiptToleranceFact.class,
            ReceiptToleranceDecision.class, ReceiptOutcome.class, QualityDispositionFact.class,
            QualityDispositionDecision.class, Disposition.class, EcoRoutingFact.class, EcoRoutingDecision.class);

    private static final List<Class<?>> VALUE_CLASSES = List.of(Math.class, BigDecimal.class, BigInteger.class,
            MathContext.class, RoundingMode.class, LocalDate.class, LocalDateTime.class, LocalTime.class,
            Instant.class, Duration.class, Period.class, ZonedDateTime.class, OffsetDateTime.class,
            DayOfWeek.class);

    /** Simple name → class, for every class a rule may name. */
    static final Map<String, Class<?>> ALLOWED_TYPES = Stream.concat(MODEL_CLASSES.stream(), VALUE_CLASSES.stream())
            .collect(Collectors.toMap(Class::getSimpleName, c -> c));

    private static final Set<String> MODEL_NAMES = MODEL_CLASSES.stream().map(Class::getSimpleName)
            .collect(Collectors.toSet());

    /** Methods inherited from Object that open the door to reflection or threads. */
    private static final Set<String> NEVER = Set.of("getClass", "wait", "notify", "notifyAll", "finalize", "clone");

    /** Every public method name of the allowed classes: the only names a rule may call on anything. */
    static final Set<String> ALLOWED_METHODS = ALLOWED_TYPES.values().stream()
            .flatMap(c -> Stream.of(c.getMethods()))
            .filter(m -> Modifier.isPublic(m.getModifiers()))
            .map(Method::getName)
            .filter(n -> !NEVER.contains(n))
            .collect(Collectors.toUnmodifiableSet());

    /** Calls a right-hand side may make without a receiver: the working-memory actions. */
    static final Set<String> ACTIONS = Set.of("insert", "insertLogical", "modify", "update", "delete", "retract");

    private static final Set<String> LHS_WORDS = Set.of("in", "not", "matches", "memberOf", "contains", "excludes",
            "soundslike", "str", "instanceof", "null", "true", "false", "this", "after", "before", "coincides",
            "during", "finishes", "finishedby", "includes", "meets", "metby", "overlaps", "overlappedby", "starts",
            "startedby");

    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max", "average",
            "collectList", "collectSet", "countDistinct");

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern NUMBERS = Pattern.compile("(?<![\\w$])\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[BbIiLlFfDd]?");
    private static final Pattern CHAIN = Pattern.compile(
            "[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*(\\s*\\()?");

    private final String drl;
    private final List<Error> errors = new ArrayList<>();
    private final int[] lineStarts;

    private DrlSafetyCheck(String drl) {
        this.drl = drl;
        this.lineStarts = drl.lines().mapToInt(l -> 0).toArray();
        int line = 0;
        for (int i = 0; i < drl.length() && line + 1 < lineStarts.length; i++) {
            if (drl.charAt(i) == '\n') {
                lineStarts[++line] = i + 1;
            }
        }
    }

    /** The parse and safety errors of the DRL; empty when it may go on to the compiler. */
    static List<Error> check(String drl) {
        DrlSafetyCheck check = new DrlSafetyCheck(drl);
        check.run();
        return List.copyOf(check.errors);
    }

    /**
     * A Java unicode escape (a backslash, "u", four hex digits) is read by the Java compiler before anything else,
     * anywhere in a consequence (also in a comment or a string), while the DRL parser and the action check below see
     * the six characters: an escaped line break after "//" would compile to a call the check never saw. None is
     * allowed anywhere.
     */
    private static final java.util.regex.Pattern UNICODE_ESCAPE = java.util.regex.Pattern.compile("\\\\+u+[0-9A-Fa-f]{4}");

    private void run() {
        java.util.regex.Matcher escape = UNICODE_ESCAPE.matcher(drl);
        if (escape.find()) {
            int line = drl.substring(0, escape.start()).split("\n", -1).length;
            int column = escape.start() - drl.lastIndexOf('\n', escape.start() - 1);
            errors.add(new Error("drl", line, column, "unicode escapes (" + escape.group()
                    + ") are not allowed: write the character itself"));
            return;
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            errors.add(new Error("drl", e.getLineNumber(), e.getColumn() + 1, e.getMessage()));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                if (error instanceof ParserError p) {
                    errors.add(new Error("drl", p.getRow(), p.getCol() + 1, p.getMessage()));
                } else {
                    int[] lines = error.getLines();
                    errors.add(new Error("drl", lines.length > 0 ? lines[0] : 0, 0, error.getMessage()));
                }
            }
            return;
        }
        for (ImportDescr i : pkg.getImports()) {
            if (!importAllowed(i.getTarget())) {
                refuse(i, "import " + i.getTarget() + " is not allowed: only the fact and decision classes "
                        + "(com.invgov.rules.model), java.math and java.time");
            }
        }
        pkg.getFunctionImports().forEach(f -> refuse(f, "function imports are not allowed"));
        pkg.getAccumulateImports().forEach(a -> refuse(a, "accumulate imports are not allowed"));
        pkg.getFunctions().forEach(f -> refuse(f, "functions are not allowed (function " + f.getName() + ")"));
        pkg.getGlobals().forEach(g -> refuse(g, "globals are not allowed (global " + g.getIdentifier() + ")"));
        pkg.getClassAndEnumDeclarationDescrs().forEach(t -> refuse(t, "declared types are not allowed"));
        // a window's patterns are code the rule checks below never walk
        pkg.getWindowDeclarations().forEach(w -> refuse(w, "declared windows are not allowed"));
        if (pkg.getUnit() != null) {
            refuse(pkg.getUnit(), "rule units are not allowed");
        }
        pkg.getAttributes().forEach(this::attribute);
        for (RuleDescr rule : pkg.getRules()) {
            if (rule.isQuery()) {
                refuse(rule, "queries are not allowed (query " + rule.getName() + ")");
                continue;
            }
            rule.getAttributes().values().forEach(this::attribute);
            // an annotation's value is an expression Drools may evaluate (with MVEL, where that is present)
            rule.getAnnotations().forEach(a -> refuse(a, "annotations are not allowed (@" + a.getName() + " on rule "
                    + rule.getName() + ")"));
            Set<String> bindings = new HashSet<>();
            lhs(rule.getLhs(), bindings);
            if (rule.getConsequence() != null) {
                rhs(rule, rule.getConsequence().toString(), bindings);
            }
            rule.getNamedConsequences().values().forEach(c -> rhs(rule, c.toString(), bindings));
        }
    }

    private static boolean importAllowed(String target) {
        if (target.equals("com.invgov.rules.model.*") || target.equals("java.math.*")
                || target.equals("java.time.*")) {
            return true;
        }
        int dot = target.lastIndexOf('.');
        String pkg = dot < 0 ? "" : target.substring(0, dot);
        String name = target.substring(dot + 1);
        return switch (pkg) {
            case "com.invgov.rules.model" -> MODEL_NAMES.contains(name);
            case "java.math", "java.time" -> ALLOWED_TYPES.containsKey(name)
                    && ALLOWED_TYPES.get(name).getPackageName().equals(pkg);
            default -> false;
        };
    }

    private void attribute(AttributeDescr attribute) {
        if (attribute.getName().equals("dialect") && !attribute.getValue().replace("\"", "").equals("java")) {
            refuse(attribute, "only the java dialect is allowed");
        }
        expression(attribute, attribute.getValue());
    }

    // ---- left-hand side -------------------------------------------------------------------------------------

    private void lhs(BaseDescr descr, Set<String> bindings) {
        if (descr instanceof AndDescr and) {
            and.getDescrs().forEach(d -> lhs(d, bindings));
        } else if (descr instanceof OrDescr or) {
            or.getDescrs().forEach(d -> lhs(d, bindings));
        } else if (descr instanceof NotDescr not) {
            not.getDescrs().forEach(d -> lhs(d, bindings));
        } else if (descr instanceof ExistsDescr exists) {
            exists.getDescrs().forEach(d -> lhs((BaseDescr) d, bindings));
        } else if (descr instanceof ForallDescr forall) {
            forall.getDescrs().forEach(d -> lhs(d, bindings));
        } else if (descr instanceof PatternDescr pattern) {
            pattern(pattern, bindings);
        } else if (descr instanceof EvalDescr eval) {
            refuse(eval, "eval is not allowed: write the condition as a constraint");
        } else {
            refuse(descr, "this construct is not allowed in a condition ("
                    + descr.getClass().getSimpleName().replace("Descr", "") + ")");
        }
    }

    private void pattern(PatternDescr pattern, Set<String> bindings) {
        String type = pattern.getObjectType();
        String simple = type.startsWith("com.invgov.rules.model.") ? type.substring(23) : type;
        if (!MODEL_NAMES.contains(simple)) {
            refuse(pattern, "patterns may only match the fact and decision classes, not " + type);
        }
        if (pattern.getIdentifier() != null) {
            bindings.add(pattern.getIdentifier());
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            String text = constraint instanceof ExprConstraintDescr e ? e.getExpression() : constraint.getText();
            if (text != null) {
                Matcher bound = Pattern.compile("([$\\w]+)\\s*:(?!=)").matcher(text);
                while (bound.find()) {
                    bindings.add(bound.group(1));
                }
                expression(constraint.getLine() > 0 ? constraint : pattern, text);
            }
        }
        if (pattern.getSource() != null) {
            source(pattern, pattern.getSource(), bindings);
        }
    }

    private void source(PatternDescr pattern, BaseDescr source, Set<String> bindings) {
        if (source instanceof EntryPointDescr) {
            return;
        }
        if (source instanceof FromDescr from) {
            expression(pattern, from.getDataSource().getText());
        } else if (source instanceof CollectDescr collect) {
            lhs(collect.getInputPattern(), bindings);
        } else if (source instanceof AccumulateDescr accumulate) {
            if (!accumulate.isExternalFunction() && (accumulate.getInitCode() != null
                    || accumulate.getActionCode() != null || accumulate.getResultCode() != null)) {
                refuse(pattern, "accumulate with inline code is not allowed; use sum, count, min, max, average");
            }
            accumulate.getFunctions().forEach(f -> {
                if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                    refuse(pattern, "accumulate function " + f.getFunction() + " is not allowed");
                }
                if (f.getBind() != null) {
                    bindings.add(f.getBind());
                }
                for (String param : f.getParams()) {
                    expression(pattern, param);
                }
            });
            accumulate.getDescrs().forEach(d -> lhs(d, bindings));
        } else {
            refuse(pattern, "this pattern source is not allowed ("
                    + source.getClass().getSimpleName().replace("Descr", "") + ")");
        }
    }

    /** Token-level check of a constraint or attribute: no foreign class, no fully-qualified name, no odd call. */
    private void expression(BaseDescr where, String text) {
        if (text == null) {
            return;
        }
        String code = NUMBERS.matcher(STRINGS.matcher(text).replaceAll("\"\"")).replaceAll("0");
        Matcher chain = CHAIN.matcher(code);
        while (chain.find()) {
            String match = chain.group();
            boolean call = chain.group(1) != null;
            String[] parts = match.replace("(", "").replaceAll("\\s", "").split("\\.");
            String root = parts[0];
            String last = parts[parts.length - 1];
            if (call && last.equals("eval")) {
                refuse(where, "eval is not allowed");
            } else if (Character.isLowerCase(root.charAt(0)) && Stream.of(parts).skip(1)
                    .anyMatch(p -> Character.isUpperCase(p.charAt(0)))) {
                refuse(where, "fully-qualified names are not allowed: " + match.replace("(", "").trim());
            } else if (Character.isUpperCase(root.charAt(0)) && !ALLOWED_TYPES.containsKey(root)) {
                refuse(where, root + " is not an allowed class");
            } else if (call && parts.length == 1 && !ALLOWED_METHODS.contains(last) && !LHS_WORDS.contains(last)) {
                refuse(where, "calling " + last + "(...) is not allowed");
            } else if (call && parts.length > 1 && !ALLOWED_METHODS.contains(last)) {
                refuse(where, "calling " + last + "(...) is not allowed");
            } else if (Stream.of(parts).anyMatch(p -> NEVER.contains(p) || p.equals("class"))) {
                refuse(where, "reflection is not allowed: " + match.replace("(", "").trim());
            }
        }
    }

    // ---- right-hand side ------------------------------------------------------------------------------------

    private void rhs(RuleDescr rule, String consequence, Set<String> bindings) {
        int start = drl.indexOf(consequence.strip(), offset(rule.getConsequenceLine()));
        int line = start < 0 ? rule.getConsequenceLine() : lineOf(start);
        int column = start < 0 ? 1 : start - lineStarts[line - 1] + 1;
        for (RhsCheck.Finding finding : RhsCheck.check(consequence.strip(), bindings)) {
            int l = line + finding.line() - 1;
            int c = finding.line() == 1 ? column + finding.column() - 1 : finding.column();
            errors.add(new Error("drl", l, c, finding.message()));
        }
    }

    private int offset(int line) {
        return line >= 1 && line <= lineStarts.length ? lineStarts[line - 1] : 0;
    }

    private int lineOf(int offset) {
        int line = 1;
        while (line < lineStarts.length && lineStarts[line] <= offset) {
            line++;
        }
        return line;
    }

    private void refuse(BaseDescr where, String message) {
        errors.add(new Error("drl", Math.max(where.getLine(), 0), where.getColumn() < 0 ? 0 : where.getColumn() + 1,
                message));
    }
}
