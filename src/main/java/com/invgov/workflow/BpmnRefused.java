package com.invgov.workflow;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * An uploaded BPMN that does not parse or breaks a rule of DESIGN §7: 422 {@code validation}, every problem in
 * {@code errors} as {@code {"element", "line", "column", "message"}}.
 */
public class BpmnRefused extends ApiProblem {

    private final List<BpmnProblem> problems;

    public BpmnRefused(List<BpmnProblem> problems) {
        super(ProblemType.VALIDATION, HttpStatus.UNPROCESSABLE_ENTITY, "The BPMN is refused: " + problems.size()
                + " problem(s): " + problems.get(0) + (problems.size() > 1 ? "; ..." : ""), List.of());
        this.problems = List.copyOf(problems);
        with("errors", this.problems);
    }

    public List<BpmnProblem> problems() {
        return problems;
    }
}
