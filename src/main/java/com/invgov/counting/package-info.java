/**
 * Cycle counting: count policy, count plans and tasks, count results, variances (DESIGN §5.2).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Counting")
package com.invgov.counting;
