package com.invgov.rules.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a rule's right-hand side, parsed with JavaParser: it may only call the working-memory actions and
 * methods of the allowed classes ({@link DrlSafetyCheck#ALLOWED_TYPES}), name only bindings, its own local
 * variables and allowed classes, and create only allowed classes. No loops, lambdas, reflection or local classes.
 */
final class RhsCheck {

    /** A refusal; line and column are 1-based and relative to the right-hand side. */
    record Finding(int line, int column, String message) {
    }

    private static final String MODIFY = "__modify";
    private static final Pattern MODIFY_BLOCK = Pattern.compile("modify\\s*\\(([^()]*)\\)\\s*\\{([^{}]*)}");

    private final Set<String> bindings;
    private final Set<String> locals = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();

    private RhsCheck(Set<String> bindings) {
        this.bindings = bindings;
    }

    static List<Finding> check(String consequence, Set<String> bindings) {
        RhsCheck check = new RhsCheck(bindings);
        check.run(consequence);
        return check.findings;
    }

    private void run(String consequence) {
        ParseResult<BlockStmt> parsed = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
                .parseBlock("{\n" + modifyBlocksAsCalls(consequence) + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            for (Problem problem : parsed.getProblems()) {
                int line = problem.getLocation().flatMap(l -> l.getBegin().getRange())
                        .map(r -> r.begin.line - 1).orElse(1);
                int column = problem.getLocation().flatMap(l -> l.getBegin().getRange())
                        .map(r -> r.begin.column).orElse(1);
                findings.add(new Finding(Math.max(line, 1), column, "cannot read the action: "
                        + problem.getMessage().lines().findFirst().orElse("")));
            }
            return;
        }
        BlockStmt block = parsed.getResult().get();
        block.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
        block.walk(this::node);
    }

    /** {@code modify($d) { setA(1), setB(2) }} is DRL, not Java: read it as {@code __modify($d, setA(1), ...)}. */
    static String modifyBlocksAsCalls(String code) {
        Matcher m = MODIFY_BLOCK.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(2).strip();
            m.appendReplacement(out, Matcher.quoteReplacement(
                    MODIFY + "(" + m.group(1) + (body.isEmpty() ? "" : ", " + m.group(2)) + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void node(Node node) {
        if (node instanceof MethodCallExpr call) {
            call(call);
        } else if (node instanceof NameExpr name) {
            name(name);
        } else if (node instanceof ClassOrInterfaceType type) {
            type(type);
        } else if (node instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
            refuse(node, "anonymous classes are not allowed");
        } else if (node instanceof ClassExpr) {
            refuse(node, "reflection is not allowed (class literal)");
        } else if (node instanceof LambdaExpr || node instanceof MethodReferenceExpr) {
            refuse(node, "lambdas and method references are not allowed");
        } else if (node instanceof ForStmt || node instanceof ForEachStmt || node instanceof WhileStmt
                || node instanceof DoStmt) {
            refuse(node, "loops are not allowed in an action");
        } else if (node instanceof SynchronizedStmt) {
            refuse(node, "synchronized is not allowed");
        } else if (node instanceof LocalClassDeclarationStmt || node instanceof LocalRecordDeclarationStmt) {
            refuse(node, "local classes are not allowed");
        } else if (node instanceof ThisExpr || node instanceof SuperExpr) {
            refuse(node, "this and super are not allowed");
        }
    }

    private void call(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (call.getScope().isEmpty()) {
            boolean setterInModify = call.getParentNode()
                    .filter(p -> p instanceof MethodCallExpr parent && parent.getNameAsString().equals(MODIFY))
                    .isPresent();
            if (name.equals(MODIFY) || DrlSafetyCheck.ACTIONS.contains(name)) {
                return;
            }
            if (!setterInModify || !DrlSafetyCheck.ALLOWED_METHODS.contains(name)) {
                refuse(call, "calling " + name + "(...) is not allowed: only insert, modify, update, delete, "
                        + "retract and methods of the fact and decision classes, Math, java.math and java.time");
            }
            return;
        }
        if (!DrlSafetyCheck.ALLOWED_METHODS.contains(name)) {
            refuse(call, "calling " + name + "(...) is not allowed: only methods of the fact and decision "
                    + "classes, Math, java.math and java.time");
            return;
        }
        if (call.getScope().get() instanceof NameExpr scope) {
            Class<?> type = DrlSafetyCheck.ALLOWED_TYPES.get(scope.getNameAsString());
            if (type != null && !isBinding(scope.getNameAsString()) && Stream.of(type.getMethods())
                    .noneMatch(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()))) {
                refuse(call, type.getSimpleName() + " has no static method " + name);
            }
        }
    }

    private void name(NameExpr name) {
        String n = name.getNameAsString();
        if (isBinding(n) || DrlSafetyCheck.ALLOWED_TYPES.containsKey(n)) {
            return;
        }
        refuse(name, "unknown name " + n + ": an action may use its bindings, its own variables and the fact "
                + "and decision classes, Math, java.math and java.time (no fully-qualified names)");
    }

    private void type(ClassOrInterfaceType type) {
        if (type.getScope().isPresent()) {
            refuse(type, "fully-qualified names are not allowed: " + type.asString());
        } else if (!DrlSafetyCheck.ALLOWED_TYPES.containsKey(type.getNameAsString())
                && !type.getNameAsString().equals("String") && !type.getNameAsString().equals("var")) {
            refuse(type, type.getNameAsString() + " is not an allowed class");
        }
    }

    private boolean isBinding(String name) {
        return name.startsWith("$") || bindings.contains(name) || locals.contains(name);
    }

    private void refuse(Node node, String message) {
        int line = node.getBegin().map(p -> p.line - 1).orElse(1);
        int column = node.getBegin().map(p -> p.column).orElse(1);
        findings.add(new Finding(Math.max(line, 1), column, message));
    }

}
