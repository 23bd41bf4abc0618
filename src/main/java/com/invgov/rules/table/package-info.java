/**
 * The low-code shape of every rule set: typed, validated values that a rule template turns into DRL.
 */
@org.springframework.modulith.NamedInterface("table")
package com.invgov.rules.table;
