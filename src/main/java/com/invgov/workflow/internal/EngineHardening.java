package com.invgov.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine as DESIGN §7 wants it: expressions see only the registered {@code ServiceStep} beans, no script
 * engine can be reached, expressions in queries are off, deserialization of variables is validated, and every
 * process must declare a history time-to-live.
 *
 * <p>The Spring integration builds its expression manager, on the whole application context, before plugins
 * run; it is replaced here by one on the allowlist.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class EngineHardening implements ProcessEnginePlugin {

    private final ApplicationContext applicationContext;
    private final StepRegistry steps;

    EngineHardening(ApplicationContext applicationContext, StepRegistry steps) {
        this.applicationContext = applicationContext;
        this.steps = steps;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var beans = steps.asExpressionBeans();
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(applicationContext, beans));
        configuration.setScriptingEngines(new NoScriptingEngines());
        configuration.setEnableScriptEngineCaching(false);
        configuration.setEnableScriptEngineLoadExternalResources(false);
        configuration.setAutoStoreScriptVariables(false);
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setEnforceHistoryTimeToLive(true);
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new RefuseScripts());
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }
}
