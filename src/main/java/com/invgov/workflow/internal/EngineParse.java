package com.invgov.workflow.internal;

import com.invgov.workflow.BpmnProblem;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's own BPMN parser run over a text without deploying it: schema validation and every check the
 * engine makes when it builds a process definition (with the parse listeners of {@link EngineHardening}). Runs in
 * a command context, as a deployment would, and writes nothing.
 */
@Component
class EngineParse {

    private final ProcessEngine engine;

    EngineParse(ProcessEngine engine) {
        this.engine = engine;
    }

    private static List<BpmnProblem> problems(ParseException e) {
        List<BpmnProblem> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            for (Problem p : report.getErrors()) {
                problems.add(new BpmnProblem(p.getMainElementId(), p.getLine() > 0 ? p.getLine() : null,
                        p.getColumn() > 0 ? p.getColumn() : null, p.getMessage()));
            }
        }
        return problems.isEmpty() ? List.of(new BpmnProblem(null, null, null, e.getMessage())) : problems;
    }

    /** The parser the engine deploys with, with its parse listeners. */
    private static BpmnParser parser(ProcessEngineConfigurationImpl configuration) {
        return configuration.getDeployers().stream().filter(BpmnDeployer.class::isInstance)
                .map(d -> ((BpmnDeployer) d).getBpmnParser()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the engine has no BPMN deployer"));
    }

    /** What the engine finds wrong with {@code bpmn}, empty when it would deploy. */
    List<BpmnProblem> problems(String bpmn, String resourceName) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // the refusal is caught inside the command: one that leaves a command is logged by the engine as an error
        // with its stack trace, and a client's invalid upload is not the server's error
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            BpmnParse parse = parser(configuration).createParse().deployment(new DeploymentEntity());
            parse.sourceInputStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
            parse.name(resourceName);
            try {
                parse.execute();
                return List.<BpmnProblem>of();
            } catch (ParseException e) {
                return problems(e);
            } catch (ProcessEngineException e) {
                return List.of(new BpmnProblem(null, null, null, e.getMessage()));
            }
        });
    }
}
