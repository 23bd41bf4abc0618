package com.invgov.workflow.internal;

import com.invgov.workflow.BpmnProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of DESIGN §7 for uploaded BPMN, checked on the XML before the engine sees it. Each rule keeps code
 * other than the registered {@code ServiceStep}s from running, or keeps tasks routed to the product's roles:
 * <ul>
 *   <li>one {@code bpmn:process}, executable, with a key of letters, digits, '-', '_', '.' and a
 *       {@code camunda:historyTimeToLive};</li>
 *   <li>nothing read from elsewhere: no {@code bpmn:import}, no {@code xsi:schemaLocation}, no
 *       {@code implementation} other than {@code ##unspecified} (web services);</li>
 *   <li>no script tasks, {@code camunda:script}, script languages ({@code language}, {@code scriptFormat}),
 *       {@code camunda:resource};</li>
 *   <li>no Java classes ({@code camunda:class}, {@code class} on listeners, any {@code camunda:*Class});</li>
 *   <li>no {@code camunda:expression} (service tasks, listeners), no field injection ({@code camunda:field}), no
 *       connectors, no {@code camunda:type} (external tasks: nothing here fetches them), no DMN or CMMN
 *       references, no task listeners;</li>
 *   <li>{@code camunda:delegateExpression} exactly {@code ${name}} of a registered step (service, send and
 *       business-rule tasks, message events, execution listeners);</li>
 *   <li>every other expression only reads process variables ({@link ExpressionCheck});</li>
 *   <li>candidate groups are role names, or one expression naming a process variable; no candidate users, no
 *       assignee, no {@code potentialOwner}/{@code humanPerformer}: tasks go to roles, who takes one is decided by
 *       claiming, under segregation of duties.</li>
 * </ul>
 */
final class BpmnSafetyCheck {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String ACTIVITI = "http://activiti.org/bpmn";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");
    static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private final Set<String> steps;
    private final Set<String> roles;
    private final List<BpmnProblem> problems = new ArrayList<>();

    private BpmnSafetyCheck(Set<String> steps, Set<String> roles) {
        this.steps = new TreeSet<>(steps);
        this.roles = new TreeSet<>(roles);
    }

    /** The problems of the document, empty when it passes. */
    static List<BpmnProblem> problems(BpmnXml.Node root, Set<String> steps, Set<String> roles) {
        BpmnSafetyCheck check = new BpmnSafetyCheck(steps, roles);
        check.document(root);
        return List.copyOf(check.problems);
    }

    /** The one process element of a document that passed. */
    static BpmnXml.Node process(BpmnXml.Node root) {
        return root.children.stream().filter(c -> c.is(BPMN, "process")).findFirst().orElseThrow();
    }

    private void document(BpmnXml.Node root) {
        if (!root.is(BPMN, "definitions")) {
            add(root, "the root element must be bpmn:definitions in the BPMN 2.0 namespace (" + BPMN + ")");
            return;
        }
        List<BpmnXml.Node> processes = root.children.stream().filter(c -> c.is(BPMN, "process")).toList();
        if (processes.size() != 1) {
            add(root, processes.isEmpty() ? "the document defines no bpmn:process"
                    : "upload one process at a time: the document defines " + processes.size() + " bpmn:process elements");
        }
        for (BpmnXml.Node process : processes) {
            processElement(process);
        }
        walk(root);
    }

    private void processElement(BpmnXml.Node process) {
        String key = process.id();
        if (key == null || !KEY.matcher(key).matches()) {
            add(process, "the process id (its key) must be 1 to 100 letters, digits, '-', '_' or '.', starting with "
                    + "a letter or '_'");
        }
        if (!"true".equals(process.attribute("", "isExecutable"))) {
            add(process, "the process must be executable (isExecutable=\"true\")");
        }
        String ttl = camunda(process, "historyTimeToLive");
        if (ttl == null || ttl.isBlank()) {
            add(process, "camunda:historyTimeToLive is required (days, e.g. \"180\"): history is removed after it");
        }
    }

    private void walk(BpmnXml.Node node) {
        if (DIAGRAM.contains(node.namespace)) {
            return; // the diagram: positions and shapes, nothing the engine evaluates
        }
        element(node);
        for (BpmnXml.Attribute attribute : node.attributes) {
            attribute(node, attribute);
        }
        if (!isProse(node) && !node.is(CAMUNDA, "script") && ExpressionCheck.hasExpression(node.text.toString())) {
            expressions(node, node.text.toString());
        }
        for (BpmnXml.Node child : node.children) {
            walk(child);
        }
    }

    private void element(BpmnXml.Node node) {
        boolean camunda = isCamunda(node.namespace);
        if (node.is(BPMN, "scriptTask")) {
            add(node, "script tasks are not allowed: use a service task calling a registered step");
        } else if (camunda && node.name.equals("script")) {
            add(node, "camunda:script is not allowed (script listeners, script input/output mappings)");
        } else if (camunda && node.name.equals("connector")) {
            add(node, "connectors (camunda:connector) are not allowed");
        } else if (camunda && node.name.equals("field")) {
            add(node, "field injection (camunda:field) is not allowed: registered steps take no fields");
        } else if (camunda && node.name.equals("taskListener")) {
            add(node, "task listeners are not allowed: a registered step runs as a service task or an execution "
                    + "listener");
        } else if (camunda && node.name.equals("executionListener")) {
            String delegate = node.attribute("", "delegateExpression");
            if (delegate == null) {
                add(node, "an execution listener must call a registered step with delegateExpression=\"${step}\"");
            } else {
                delegate(node, "delegateExpression", delegate);
            }
        } else if (node.is(BPMN, "import")) {
            add(node, "bpmn:import is not allowed: nothing outside the uploaded document is read");
        } else if (node.namespace.equals(BPMN) && Set.of("potentialOwner", "humanPerformer", "performer")
                .contains(node.name)) {
            add(node, "bpmn:" + node.name + " is not allowed: offer the task to roles with camunda:candidateGroups");
        }
    }

    /**
     * Attributes by what they would run. {@code camunda:x} attributes on BPMN elements, and the few unqualified
     * attributes of camunda elements that name code ({@code class}, {@code expression}, {@code delegateExpression}
     * on listeners, {@code resource} on scripts); other unqualified attributes of camunda elements (a form field's
     * {@code type}, an input parameter's {@code name}) are data.
     */
    private void attribute(BpmnXml.Node node, BpmnXml.Attribute attribute) {
        String name = attribute.name();
        if (attribute.namespace().equals("http://www.w3.org/2000/xmlns/")) {
            return;
        }
        boolean camunda = isCamunda(attribute.namespace());
        boolean code = camunda || isCamunda(node.namespace) && attribute.namespace().isEmpty();
        if (attribute.namespace().equals(XSI) && name.endsWith("chemaLocation")) {
            add(node, "xsi:" + name + " is not allowed: the engine validates against its own BPMN schema and reads "
                    + "nothing from elsewhere");
        } else if (attribute.namespace().isEmpty() && name.equals("implementation") && node.namespace.equals(BPMN)
                && !attribute.value().equals("##unspecified")) {
            add(node, "implementation=\"" + attribute.value() + "\" is not allowed (web services): call a registered "
                    + "step with camunda:delegateExpression");
        } else if (name.equals("language") || name.equals("scriptFormat")) {
            add(node, "scripts are not allowed (" + name + "=\"" + attribute.value() + "\")");
        } else if (code && (name.equals("class") || name.endsWith("Class"))) {
            add(node, "Java classes are not allowed (" + qualified(attribute) + "=\"" + attribute.value()
                    + "\"): call a registered step with camunda:delegateExpression");
        } else if (code && name.equals("resource")) {
            add(node, "external script resources (" + qualified(attribute) + ") are not allowed");
        } else if (code && name.equals("expression")) {
            add(node, qualified(attribute) + " is not allowed: call a registered step with "
                    + "camunda:delegateExpression=\"${step}\"");
        } else if (camunda && name.equals("delegateExpression")) {
            delegate(node, "camunda:delegateExpression", attribute.value());
        } else if (code && name.equals("delegateExpression")) {
            // an execution listener's: checked with its element
        } else if (camunda && name.equals("type")) {
            add(node, "camunda:type=\"" + attribute.value() + "\" is not allowed (external tasks, connectors): "
                    + "call a registered step");
        } else if (camunda && Set.of("decisionRef", "caseRef").contains(name)) {
            add(node, "camunda:" + name + " is not allowed: decisions come from invgov rule sets, called by "
                    + "registered steps");
        } else if (camunda && name.equals("variableMappingDelegateExpression")) {
            add(node, "camunda:variableMappingDelegateExpression is not allowed: map variables with camunda:in "
                    + "and camunda:out");
        } else if (camunda && Set.of("candidateGroups", "candidateStarterGroups").contains(name)) {
            groups(node, "camunda:" + name, attribute.value());
        } else if (camunda && Set.of("candidateUsers", "candidateStarterUsers", "assignee").contains(name)) {
            add(node, "camunda:" + name + " is not allowed: tasks are offered to roles (camunda:candidateGroups); "
                    + "who takes one is decided by claiming, under segregation of duties");
        } else if (ExpressionCheck.hasExpression(attribute.value())) {
            expressions(node, attribute.value());
        }
    }

    private void delegate(BpmnXml.Node node, String attribute, String value) {
        Matcher m = DELEGATE.matcher(value.strip());
        if (!m.matches()) {
            add(node, attribute + "=\"" + value + "\" must be exactly ${step} naming a registered step; the steps "
                    + "are " + steps);
        } else if (!steps.contains(m.group(1))) {
            add(node, attribute + ": '" + m.group(1) + "' is not a registered step; the steps are " + steps);
        }
    }

    private void groups(BpmnXml.Node node, String attribute, String value) {
        if (ExpressionCheck.hasExpression(value)) {
            ExpressionCheck.Found found = ExpressionCheck.expressionsIn(value);
            if (found.problem() != null || found.expressions().size() != 1
                    || !found.expressions().get(0).equals(value.strip())) {
                add(node, attribute + "=\"" + value + "\": either role names or one expression naming a process "
                        + "variable that holds them, not a mix");
                return;
            }
            expressions(node, value);
            return;
        }
        for (String group : value.split(",")) {
            String role = group.strip();
            if (!roles.contains(role)) {
                add(node, attribute + ": '" + role + "' is not a role; the roles are " + roles);
            }
        }
    }

    private void expressions(BpmnXml.Node node, String text) {
        ExpressionCheck.Found found = ExpressionCheck.expressionsIn(text);
        if (found.problem() != null) {
            add(node, found.problem());
        }
        for (String expression : found.expressions()) {
            String refusal = ExpressionCheck.refusal(expression, steps);
            if (refusal != null) {
                add(node, "expression '" + ExpressionCheck.abbreviate(expression) + "' is not allowed: " + refusal
                        + " (expressions may only read and compare process variables)");
            }
        }
    }

    /** Text the engine keeps as words, not as something to evaluate. */
    private static boolean isProse(BpmnXml.Node node) {
        return node.is(BPMN, "documentation") || node.is(BPMN, "text");
    }

    private static String camunda(BpmnXml.Node node, String name) {
        String value = node.attribute(CAMUNDA, name);
        return value != null ? value : node.attribute(ACTIVITI, name);
    }

    private static boolean isCamunda(String namespace) {
        return CAMUNDA.equals(namespace) || ACTIVITI.equals(namespace);
    }

    private static String qualified(BpmnXml.Attribute attribute) {
        return (isCamunda(attribute.namespace()) ? "camunda:" : "") + attribute.name();
    }

    private void add(BpmnXml.Node node, String message) {
        problems.add(new BpmnProblem(node.label(), node.line, node.column, message));
    }
}
