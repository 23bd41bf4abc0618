package com.invgov.workflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages and start timers for feature modules, without Camunda types: start a process at a message start event,
 * correlate a message to the instances of a business key, and (tests, operators) run a process's start timer now.
 * Everything joins the caller's transaction.
 */
@Service
public class ProcessEvents {

    private final RuntimeService runtime;
    private final ManagementService management;

    ProcessEvents(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    /** Starts the latest process whose message start event has this message name; returns the instance id. */
    public String startByMessage(String messageName, String businessKey, Map<String, Object> variables) {
        return runtime.startProcessInstanceByMessage(messageName, businessKey, variables).getId();
    }

    /** Delivers the message to every instance with this business key waiting for it; returns how many got it. */
    public int correlate(String messageName, String businessKey) {
        return runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(businessKey)
                .correlateAllWithResult().size();
    }

    /** When the start timer of the latest version of {@code processKey} fires next, if it has one. */
    public Optional<Instant> nextStartTimer(String processKey) {
        return startTimers(processKey).stream().map(Job::getDuedate).filter(java.util.Objects::nonNull)
                .map(java.util.Date::toInstant).min(Instant::compareTo);
    }

    /**
     * Fires the start timers of {@code processKey} now, as the job executor would when their time came (a cycle
     * timer schedules its next run). Returns how many fired.
     */
    public int runStartTimersNow(String processKey) {
        List<Job> jobs = startTimers(processKey);
        jobs.forEach(job -> management.executeJob(job.getId()));
        return jobs.size();
    }

    private List<Job> startTimers(String processKey) {
        return management.createJobQuery().processDefinitionKey(processKey).timers().list().stream()
                .filter(job -> job.getProcessInstanceId() == null).toList();
    }
}
