package com.invgov.workflow.internal;

import com.invgov.workflow.BpmnProblem;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static com.invgov.workflow.internal.BpmnSafetyCheck.BPMN;
import static com.invgov.workflow.internal.BpmnSafetyCheck.CAMUNDA;

/**
 * What a new version of a process the product ships must keep: the application acts on its elements by id (it
 * completes the task {@code recount}, it waits at {@code dispose}), calls its steps by name, reads the variables its
 * conditions and multi-instance loops name. An upload for a shipped key keeps every element of the shipped file with
 * the same id and kind, the same step, the same multi-instance loop, candidate roles the application decides
 * ({@code ${role}}), and every condition on the flows leaving each element; it may add elements and flows, and change
 * timers, names and fixed candidate roles. Without this, an upload that
 * renamed a task or dropped a branch deployed fine and then left adjustments or changes stuck, or made counts 500.
 */
@Component
class ShippedContract {

    /** Kinds of elements the contract keeps (flows and their conditions are kept separately). */
    private static final Set<String> KEPT = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
            "intermediateThrowEvent", "boundaryEvent", "userTask", "serviceTask", "sendTask", "receiveTask",
            "businessRuleTask", "manualTask", "task", "callActivity", "subProcess", "exclusiveGateway",
            "parallelGateway", "inclusiveGateway", "eventBasedGateway", "message");

    /** Per shipped key: its elements by id, and the conditions leaving each element. */
    private record Shipped(Map<String, BpmnXml.Node> elements, Map<String, List<String>> conditions) {
    }

    private final Map<String, Shipped> shipped = new HashMap<>();

    ShippedContract() {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
                BpmnXml.Node root = BpmnXml.read(r.getContentAsString(StandardCharsets.UTF_8));
                BpmnXml.Node process = BpmnSafetyCheck.process(root);
                shipped.put(process.id(), new Shipped(elements(root), conditions(root)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the product ships a process with this key. */
    boolean ships(String key) {
        return shipped.containsKey(key);
    }

    /** What an upload of process {@code key} leaves out of the shipped version (nothing when the key is not shipped). */
    List<BpmnProblem> problems(String key, BpmnXml.Node root) {
        Shipped contract = shipped.get(key);
        if (contract == null) {
            return List.of();
        }
        Map<String, BpmnXml.Node> mine = elements(root);
        Map<String, List<String>> myConditions = conditions(root);
        List<BpmnProblem> problems = new ArrayList<>();
        contract.elements().forEach((id, kept) -> {
            BpmnXml.Node node = mine.get(id);
            String what = kept.name + " '" + id + "'";
            if (node == null || !node.name.equals(kept.name)) {
                problems.add(problem(id, node, "the shipped process '" + key + "' has the " + what + ": a new "
                        + "version keeps it with this id and kind (the application acts on it by its id)"
                        + (node == null ? "" : "; here it is a " + node.name)));
                return;
            }
            if (!Objects.equals(kept.attribute(CAMUNDA, "delegateExpression"),
                    node.attribute(CAMUNDA, "delegateExpression"))) {
                problems.add(problem(id, node, what + " calls " + kept.attribute(CAMUNDA, "delegateExpression")
                        + " in the shipped process; a new version keeps that step"));
            }
            if (!loop(kept).equals(loop(node))) {
                problems.add(problem(id, node, what + " has the multi-instance loop " + loop(kept)
                        + " in the shipped process; a new version keeps it (here: " + loop(node) + ")"));
            }
            String groups = kept.attribute(CAMUNDA, "candidateGroups");
            if (groups != null && ExpressionCheck.hasExpression(groups)
                    && !groups.equals(node.attribute(CAMUNDA, "candidateGroups"))) {
                problems.add(problem(id, node, what + " is offered to " + groups + " in the shipped process: the "
                        + "application decides those roles (a decision's approvers), a new version keeps that"));
            }
            if (kept.name.equals("message") && !Objects.equals(kept.attribute("", "name"),
                    node.attribute("", "name"))) {
                problems.add(problem(id, node, what + " is named '" + kept.attribute("", "name")
                        + "' in the shipped process; the application sends it by that name"));
            }
        });
        contract.conditions().forEach((source, conditions) -> {
            List<String> leaving = myConditions.getOrDefault(source, List.of());
            for (String condition : conditions) {
                if (!leaving.contains(condition)) {
                    problems.add(problem(source, mine.get(source), "a flow leaving '" + source + "' under the "
                            + "condition " + condition + " is in the shipped process; a new version keeps a flow "
                            + "from there with that condition (the application's outcomes take it)"));
                }
            }
        });
        return problems;
    }

    private static BpmnProblem problem(String id, BpmnXml.Node node, String message) {
        return new BpmnProblem(id, node == null ? null : node.line, node == null ? null : node.column, message);
    }

    /** The loop of an element: none, or sequential/parallel with its collection and element variable. */
    private static String loop(BpmnXml.Node node) {
        for (BpmnXml.Node c : node.children) {
            if (c.is(BPMN, "multiInstanceLoopCharacteristics")) {
                return ("true".equals(c.attribute("", "isSequential")) ? "sequential" : "parallel")
                        + " over " + c.attribute(CAMUNDA, "collection") + " as "
                        + c.attribute(CAMUNDA, "elementVariable");
            }
        }
        return "none";
    }

    private static Map<String, BpmnXml.Node> elements(BpmnXml.Node root) {
        Map<String, BpmnXml.Node> found = new HashMap<>();
        walk(root, node -> {
            if (node.namespace.equals(BPMN) && KEPT.contains(node.name) && node.id() != null) {
                found.put(node.id(), node);
            }
        });
        return found;
    }

    /** Per source element: the condition texts (spaces collapsed) of the sequence flows leaving it. */
    private static Map<String, List<String>> conditions(BpmnXml.Node root) {
        Map<String, List<String>> found = new HashMap<>();
        walk(root, node -> {
            if (node.is(BPMN, "sequenceFlow") && node.attribute("", "sourceRef") != null) {
                for (BpmnXml.Node c : node.children) {
                    if (c.is(BPMN, "conditionExpression")) {
                        found.computeIfAbsent(node.attribute("", "sourceRef"), k -> new ArrayList<>())
                                .add(c.text.toString().strip().replaceAll("\\s+", " "));
                    }
                }
            }
        });
        return found;
    }

    private static void walk(BpmnXml.Node node, java.util.function.Consumer<BpmnXml.Node> visit) {
        visit.accept(node);
        for (BpmnXml.Node child : node.children) {
            walk(child, visit);
        }
    }
}
