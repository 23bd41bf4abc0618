/**
 * Camunda glue: the hardened embedded engine, deployment of {@code processes/}, delegates, the task facade.
 * The only module that imports Camunda.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow")
package com.invgov.workflow;
