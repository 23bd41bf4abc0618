/**
 * Rule sets: DRL compiled into KieBases, decisions with the rules that fired. The only module that imports Drools.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rules")
package com.invgov.rules;
