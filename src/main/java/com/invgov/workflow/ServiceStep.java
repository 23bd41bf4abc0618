package com.invgov.workflow;

/**
 * A service task's work, written by a feature module without touching Camunda. Register one as a Spring bean;
 * its bean name is what BPMN refers to: {@code camunda:delegateExpression="${postAdjustment}"}. Only beans of
 * this type are visible to process expressions.
 *
 * <p>A step runs in the transaction of the engine command that reached it, which is the caller's Spring
 * transaction: what it writes commits or rolls back together with the process state.
 */
@FunctionalInterface
public interface ServiceStep {

    void execute(StepContext context);
}
