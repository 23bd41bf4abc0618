/**
 * What is running: version, database, deployed processes, loaded rule sets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package com.invgov.system;
