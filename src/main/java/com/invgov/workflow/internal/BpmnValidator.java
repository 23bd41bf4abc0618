package com.invgov.workflow.internal;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;
import com.invgov.security.Role;
import com.invgov.workflow.BpmnProblem;
import com.invgov.workflow.BpmnRefused;
import com.invgov.workflow.ProcessDrafts;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an uploaded BPMN may be deployed, in four steps, each only when the one before passed: read as XML
 * without a DTD ({@link BpmnXml}); the rules of DESIGN §7 ({@link BpmnSafetyCheck}) with the values the engine reads
 * only at run time ({@link TimerCheck}); for a process the product ships, what the application needs of it
 * ({@link ShippedContract}); the engine's own parser ({@link EngineParse}). The engine never reads a document that
 * failed an earlier step.
 */
@Component
class BpmnValidator {

    /** A BPMN that passed: its process key and name. */
    record Valid(String key, String name) {
    }

    private static final Set<String> ROLES = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());

    private final StepRegistry steps;
    private final EngineParse engine;
    private final ShippedContract shipped;

    BpmnValidator(StepRegistry steps, EngineParse engine, ShippedContract shipped) {
        this.steps = steps;
        this.engine = engine;
        this.shipped = shipped;
    }

    List<BpmnProblem> problems(String bpmn) {
        try {
            validate(bpmn);
            return List.of();
        } catch (BpmnRefused e) {
            return e.problems();
        }
    }

    Valid validate(String bpmn) {
        if (bpmn == null || bpmn.isBlank()) {
            throw new BpmnRefused(List.of(new BpmnProblem(null, null, null, "the BPMN is empty")));
        }
        if (bpmn.length() > ProcessDrafts.MAX_BYTES
                || bpmn.getBytes(StandardCharsets.UTF_8).length > ProcessDrafts.MAX_BYTES) {
            throw new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "A BPMN is limited to 1 MiB ("
                    + ProcessDrafts.MAX_BYTES + " bytes of UTF-8).");
        }
        BpmnXml.Node root = BpmnXml.read(bpmn);
        List<BpmnProblem> problems = new ArrayList<>(BpmnSafetyCheck.problems(root, steps.names(), ROLES));
        problems.addAll(TimerCheck.problems(root));
        if (!problems.isEmpty()) {
            throw new BpmnRefused(problems);
        }
        BpmnXml.Node process = BpmnSafetyCheck.process(root);
        problems = shipped.problems(process.id(), root);
        if (!problems.isEmpty()) {
            throw new BpmnRefused(problems);
        }
        problems = engine.problems(bpmn, process.id() + ".bpmn");
        if (!problems.isEmpty()) {
            throw new BpmnRefused(problems);
        }
        return new Valid(process.id(), process.attribute("", "name"));
    }
}
