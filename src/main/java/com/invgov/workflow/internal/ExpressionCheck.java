package com.invgov.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The expressions an uploaded BPMN may contain (DESIGN §7: "no expressions other than registered delegates and
 * process variables"). Conservative on purpose, an allowlist of tokens rather than a blocklist of tricks: inside
 * {@code ${...}} or {@code #{...}} only process-variable names, literals (strings, numbers, true, false, null),
 * parentheses for grouping and the operators of comparison, logic, arithmetic, {@code empty} and the conditional
 * {@code ?:}. Refused: member access ({@code a.b}, {@code a['b']}), every call ({@code f(x)}, {@code fn:f(x)}),
 * assignment, lambdas, and the names the engine resolves to its own objects ({@code execution}, {@code task}, ...)
 * or to beans. So {@code ${outcome == 'APPROVE'}} passes and {@code ${execution.getProcessEngineServices()}} does not.
 */
final class ExpressionCheck {

    /** Names the engine resolves to engine objects (not process variables), whatever the context. */
    static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableScope", "processEngine", "processEngineServices", "authenticatedUserId", "dateTime");

    private static final Set<String> WORD_OPERATORS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le",
            "ge", "div", "mod", "empty", "true", "false", "null");

    private ExpressionCheck() {
    }

    /** The expressions ({@code ${...}}, {@code #{...}}) in a text, each with its delimiters, or a problem. */
    record Found(List<String> expressions, String problem) {
    }

    static Found expressionsIn(String text) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
                int end = closing(text, i + 2);
                if (end < 0) {
                    return new Found(found, "the expression starting '" + abbreviate(text.substring(i))
                            + "' is not closed with '}'");
                }
                found.add(text.substring(i, end + 1));
                i = end + 1;
            } else {
                i++;
            }
        }
        return new Found(found, null);
    }

    /** Whether a text contains anything the engine would evaluate as an expression. */
    static boolean hasExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }

    /** Index of the '}' closing an expression whose body starts at {@code from}, outside string literals; -1 if none. */
    private static int closing(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Why an expression (with its delimiters) is not allowed, or null when it only reads process variables.
     *
     * @param beans names that are beans (the registered steps), not variables
     */
    static String refusal(String expression, Set<String> beans) {
        String body = expression.substring(2, expression.length() - 1);
        int i = 0;
        // what came before: an operand (name, literal, ')') may not be followed by '(' - that is a call
        boolean afterOperand = false;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = stringEnd(body, i);
                if (end < 0) {
                    return "a string literal is not closed";
                }
                i = end + 1;
                afterOperand = true;
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < body.length() && (Character.isDigit(body.charAt(i)) || body.charAt(i) == '.'
                        || body.charAt(i) == 'e' || body.charAt(i) == 'E'
                        || (i > 0 && (body.charAt(i) == '+' || body.charAt(i) == '-')
                            && (body.charAt(i - 1) == 'e' || body.charAt(i - 1) == 'E')))) {
                    i++;
                }
                afterOperand = true;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
                    i++;
                }
                String name = body.substring(start, i);
                if (ENGINE_NAMES.contains(name)) {
                    return "'" + name + "' is the engine's own object, not a process variable";
                }
                if (beans.contains(name)) {
                    return "'" + name + "' is a registered step; steps are called only by camunda:delegateExpression";
                }
                if (name.equals("instanceof")) {
                    return "instanceof is not allowed";
                }
                boolean operator = WORD_OPERATORS.contains(name) && !Set.of("true", "false", "null").contains(name);
                afterOperand = !operator;
                int next = skipSpace(body, i);
                if (!operator && next < body.length() && (body.charAt(next) == '('
                        || body.charAt(next) == ':' && isFunctionPrefix(body, next))) {
                    return "calls are not allowed ('" + name + "(...)')";
                }
                continue;
            }
            String two = i + 1 < body.length() ? body.substring(i, i + 2) : "";
            if (two.equals("->")) {
                return "lambdas are not allowed";
            }
            if (Set.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                i += 2;
                afterOperand = false;
                continue;
            }
            switch (c) {
                case '<', '>', '!', '+', '-', '*', '/', '%', '?', ':' -> afterOperand = false;
                case '(' -> {
                    if (afterOperand) {
                        return "calls are not allowed";
                    }
                }
                case ')' -> afterOperand = true;
                case '.' -> {
                    return "member access ('.') is not allowed: read process variables by their name";
                }
                case '[', ']' -> {
                    return "index access ('[...]') is not allowed: read process variables by their name";
                }
                default -> {
                    return "'" + c + "' is not allowed in an expression";
                }
            }
            i++;
        }
        return null;
    }

    /** {@code ns:fn(} - a name, a colon, a name, then '(' - is an EL function call; {@code a ? b : c} is not. */
    private static boolean isFunctionPrefix(String body, int colon) {
        int start = skipSpace(body, colon + 1);
        int j = start;
        while (j < body.length() && (Character.isLetterOrDigit(body.charAt(j)) || body.charAt(j) == '_')) {
            j++;
        }
        if (j == start) {
            return false;
        }
        j = skipSpace(body, j);
        return j < body.length() && body.charAt(j) == '(';
    }

    private static int skipSpace(String body, int i) {
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int stringEnd(String body, int start) {
        char quote = body.charAt(start);
        for (int i = start + 1; i < body.length(); i++) {
            if (body.charAt(i) == '\\') {
                i++;
            } else if (body.charAt(i) == quote) {
                return i;
            }
        }
        return -1;
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
