package com.invgov.workflow.internal;

import com.invgov.workflow.BpmnProblem;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.invgov.workflow.internal.BpmnSafetyCheck.BPMN;
import static com.invgov.workflow.internal.BpmnSafetyCheck.CAMUNDA;

/**
 * The values the engine reads only when it gets there: timer durations, dates and cycles, task due and follow-up
 * dates, and loop counts. The engine's parser takes {@code garbage} as a timer duration; the first process instance
 * that reaches the timer then fails, and so does every count or approval that moves it there (a 500 each, and an
 * instance stuck on that version). Values that are expressions are left to the expression check; a literal must parse
 * as the engine will parse it. A cycle may not repeat more often than once a minute, a loop not run more than
 * {@link #MAX_LOOP} times (a start timer every second would flood the engine).
 */
final class TimerCheck {

    static final Duration SHORTEST_CYCLE = Duration.ofMinutes(1);
    static final int MAX_LOOP = 1000;

    private TimerCheck() {
    }

    static List<BpmnProblem> problems(BpmnXml.Node root) {
        List<BpmnProblem> problems = new ArrayList<>();
        walk(root, problems);
        return problems;
    }

    private static void walk(BpmnXml.Node node, List<BpmnProblem> problems) {
        String text = node.text.toString().strip();
        if (node.is(BPMN, "timeDuration") && literal(text)) {
            check(node, problems, "timeDuration", text, "an ISO-8601 duration such as PT24H",
                    () -> new DurationBusinessCalendar().resolveDuedate(text));
        } else if (node.is(BPMN, "timeDate") && literal(text)) {
            check(node, problems, "timeDate", text, "an ISO-8601 date and time such as 2026-12-01T06:00:00Z",
                    () -> new DueDateBusinessCalendar().resolveDuedate(text));
        } else if (node.is(BPMN, "timeCycle") && literal(text)) {
            cycle(node, text, problems);
        } else if (node.is(BPMN, "loopCardinality") && literal(text)) {
            if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LOOP) {
                problems.add(problem(node, "loopCardinality '" + text + "' is not a whole number from 1 to "
                        + MAX_LOOP));
            }
        }
        for (String attribute : List.of("dueDate", "followUpDate")) {
            String value = node.attribute(CAMUNDA, attribute);
            if (value != null && literal(value.strip())) {
                check(node, problems, "camunda:" + attribute, value.strip(),
                        "an ISO-8601 date and time or a duration such as P2D",
                        () -> new DueDateBusinessCalendar().resolveDuedate(value.strip()));
            }
        }
        for (BpmnXml.Node child : node.children) {
            walk(child, problems);
        }
    }

    private static void cycle(BpmnXml.Node node, String text, List<BpmnProblem> problems) {
        CycleBusinessCalendar calendar = new CycleBusinessCalendar();
        Date first;
        Date second;
        try {
            first = calendar.resolveDuedate(text, new Date());
            second = calendar.resolveDuedate(text, first);
        } catch (RuntimeException e) {
            problems.add(problem(node, "timeCycle '" + abbreviate(text) + "' is not a cycle the engine reads: an "
                    + "ISO-8601 repetition such as R/PT24H or a cron expression such as 0 0 4 * * ?"));
            return;
        }
        if (first == null || second == null) {
            return;
        }
        String[] parts = text.split("/");
        Duration every = parts.length > 1 && parts[parts.length - 1].startsWith("P")
                ? parse(parts[parts.length - 1]) : Duration.ofMillis(second.getTime() - first.getTime());
        if (every != null && every.compareTo(SHORTEST_CYCLE) < 0) {
            problems.add(problem(node, "timeCycle '" + abbreviate(text) + "' repeats more often than once a minute"));
        }
    }

    private static Duration parse(String iso) {
        try {
            return Duration.parse(iso);
        } catch (RuntimeException e) {
            return null; // a period of days or months (P1D is fine for Duration too; P1M is not): long enough
        }
    }

    private interface Parse {
        Object run() throws Exception;
    }

    private static void check(BpmnXml.Node node, List<BpmnProblem> problems, String what, String value,
                              String expected, Parse parse) {
        try {
            if (parse.run() == null) {
                throw new IllegalArgumentException(value);
            }
        } catch (Exception e) {
            problems.add(problem(node, what + " '" + abbreviate(value) + "' is not " + expected));
        }
    }

    private static boolean literal(String text) {
        return !text.isEmpty() && !ExpressionCheck.hasExpression(text);
    }

    private static BpmnProblem problem(BpmnXml.Node node, String message) {
        return new BpmnProblem(node.label(), node.line, node.column, message);
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
