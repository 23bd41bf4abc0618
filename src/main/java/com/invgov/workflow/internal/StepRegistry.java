package com.invgov.workflow.internal;

import com.invgov.workflow.ServiceStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The allowlist of names a process expression may use: one per {@link ServiceStep} bean. The beans are looked up
 * when a process first reaches them, so steps may depend on services that depend on the engine.
 */
@Component
class StepRegistry {

    private final ListableBeanFactory beans;

    StepRegistry(ListableBeanFactory beans) {
        this.beans = beans;
    }

    Set<String> names() {
        return new TreeSet<>(Arrays.asList(beans.getBeanNamesForType(ServiceStep.class, false, false)));
    }

    /** A read-only map from step name to a {@link JavaDelegate} that runs it. */
    Map<Object, Object> asExpressionBeans() {
        Set<String> names = names();
        Set<Map.Entry<Object, Object>> entries = names.stream()
                .map(name -> Map.entry((Object) name, (Object) delegate(name)))
                .collect(Collectors.toUnmodifiableSet());
        return new AbstractMap<>() {
            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return entries;
            }
        };
    }

    private JavaDelegate delegate(String name) {
        return execution -> beans.getBean(name, ServiceStep.class).execute(new ExecutionContext(execution));
    }

    private record ExecutionContext(DelegateExecution execution) implements com.invgov.workflow.StepContext {

        @Override
        public String processInstanceId() {
            return execution.getProcessInstanceId();
        }

        @Override
        public String processKey() {
            return execution.getProcessDefinitionId().split(":")[0];
        }

        @Override
        public String businessKey() {
            return execution.getProcessBusinessKey();
        }

        @Override
        public String activityId() {
            return execution.getCurrentActivityId();
        }

        @Override
        public <T> java.util.Optional<T> variable(String name, Class<T> type) {
            return java.util.Optional.ofNullable(execution.getVariable(name)).map(type::cast);
        }

        @Override
        public void setVariable(String name, Object value) {
            execution.setVariable(name, value);
        }

        @Override
        public void setTransientVariable(String name, Object value) {
            TypedValue stored = execution.getVariableTyped(name, false);
            if (stored != null && !stored.isTransient()) {
                // an instance started by an older release stored it; the engine cannot turn it transient in the
                // same command, so that instance keeps it stored, up to date
                execution.setVariable(name, value);
            } else {
                execution.setVariable(name, Variables.untypedValue(value, true));
            }
        }
    }
}
