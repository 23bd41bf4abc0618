package com.invgov.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a feature module start a process and move it on from its own service calls, without touching Camunda:
 * start by key with a business key, complete the open user task of a given id. Runs in the caller's transaction.
 */
@Service
public class ProcessStarter {

    private final RuntimeService runtime;
    private final TaskService tasks;

    ProcessStarter(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** Starts the latest version of {@code processKey}; returns the process instance id. */
    public String start(String processKey, String businessKey, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(processKey, businessKey, variables).getId();
    }

    /** The ids (task definition keys) of the open user tasks of the process with this business key. */
    public List<String> openTasks(String processKey, String businessKey) {
        return taskQuery(processKey, businessKey).stream().map(Task::getTaskDefinitionKey).toList();
    }

    /** Whether a process with this key and business key is still running. */
    public boolean isRunning(String processKey, String businessKey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).count() > 0;
    }

    /**
     * Completes the open user task {@code taskKey} of the process with this business key, for {@code assignee},
     * with the given variables; false when no such task is open.
     */
    public boolean complete(String processKey, String businessKey, String taskKey, String assignee,
                            Map<String, Object> variables) {
        Optional<Task> task = taskQuery(processKey, businessKey).stream()
                .filter(t -> taskKey.equals(t.getTaskDefinitionKey())).findFirst();
        if (task.isEmpty()) {
            return false;
        }
        if (assignee != null && task.get().getAssignee() == null) {
            tasks.setAssignee(task.get().getId(), assignee);
        }
        tasks.complete(task.get().getId(), variables);
        return true;
    }

    private List<Task> taskQuery(String processKey, String businessKey) {
        return tasks.createTaskQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .active().list();
    }
}
